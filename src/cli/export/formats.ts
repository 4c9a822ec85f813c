/** `export --format`: every format, what it is, and how it is made. */
import type { Scenario } from '../../scenario/index.js';
import { safeJson } from '../../scenario/index.js';
import { reduce, type SessionState } from '../../session/index.js';
import { nodesJson, outputJson, sessionValues } from '../graph-json.js';
import type { OutputFormat, Registry } from '../output-format.js';
import { htmlPage } from './html/page.js';
import { pageData } from './html/page-data.js';
import { mermaidLimitNotes, toDot, toMermaid } from './render.js';

export interface ExportInput {
  readonly file: string;
  readonly scenario: Scenario;
  /** The analyzed session, at start. */
  readonly session: SessionState;
  /** Where the values are shown (the page: where it opens). */
  readonly position: number;
  readonly precision: number | undefined;
  readonly defaultPrecision: number;
}

const valuesAt = ({ session, position }: ExportInput) =>
  sessionValues(reduce(session, { type: 'goto', step: position }));

export const EXPORT_FORMATS = {
  dot: {
    describe: 'Graphviz, the default',
    render: (input: ExportInput) => toDot(input.scenario, valuesAt(input), input.precision),
  },
  mermaid: {
    describe: 'Mermaid, for Markdown pages',
    render: (input: ExportInput) => toMermaid(input.scenario, valuesAt(input), input.precision),
    notes: mermaidLimitNotes,
  },
  json: {
    describe: 'the graph and its values',
    render: (input: ExportInput) => {
      const values = valuesAt(input);
      const { scenario } = input;
      const json = {
        file: input.file,
        title: scenario.title,
        output: outputJson(scenario, values),
        nodes: nodesJson(scenario, values),
      };
      return `${safeJson(json)}\n`;
    },
  },
  html: {
    describe: 'a step-through page',
    render: async (input: ExportInput) => {
      const precision = input.precision ?? input.defaultPrecision;
      const data = await pageData(input.scenario, input.session, precision);
      return htmlPage({ ...data, start: input.position });
    },
  },
} as const satisfies Registry<ExportInput, string | Promise<string>, ExportNotes>;

/** What a format has to say about its output on stderr (it is written all the same). */
interface ExportNotes {
  readonly notes?: (output: string) => string[];
}

/** An entry of EXPORT_FORMATS, whichever it is. */
export type ExportFormatEntry = OutputFormat<ExportInput, string | Promise<string>> & ExportNotes;

export type ExportFormat = keyof typeof EXPORT_FORMATS;
