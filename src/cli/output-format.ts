/**
 * An output format as data: its name is the key it is registered under, `describe` is what
 * `--help` says of it, `render` makes it. A command's `--format` choices, their help and the
 * dispatch all come from its registry, so a new format is one entry in one file.
 */
export interface OutputFormat<Input, Output> {
  readonly describe: string;
  readonly render: (input: Input) => Output;
}

/** `Extra`: what every format of a registry may have besides (export's notes on stderr). */
export type Registry<Input, Output, Extra = unknown> = Readonly<
  Record<string, OutputFormat<Input, Output> & Extra>
>;

/** The registered names, for yargs' `choices`. */
export function formatNames<R extends Registry<never, unknown>>(registry: R): (keyof R & string)[] {
  return Object.keys(registry) as (keyof R & string)[];
}

/** `text (a plain transcript), json (…)`: the choices as `--help` explains them. */
export function describeFormats(registry: Registry<never, unknown>): string {
  return Object.entries(registry)
    .map(([name, format]) => `${name} (${format.describe})`)
    .join(', ');
}
