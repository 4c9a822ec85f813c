/**
 * Text from files, arguments and keys is data: it reaches a terminal only through `printable`, the
 * one place that turns it into what is written. Control characters (C0, DEL, C1) are shown as
 * one-cell pictures, never interpreted, so an ESC in a title cannot retitle the window, clear
 * the screen or write the clipboard.
 *
 * gradstep's own styling must survive that, so stylers do not write ESC: they write a marker
 * with a per-process random nonce (`styleCode`), which no file, argument or key can contain
 * because it did not exist when they were written. `printable` shows every control character and
 * only then turns markers into escape sequences.
 */

const NONCE = `\uE000${Math.random().toString(36).slice(2, 10)}`;

/** gradstep's own SGR style, as a marker `printable` turns into `ESC [ codes m`. */
export function styleCode(codes: string): string {
  return `${NONCE}[${codes}m`;
}

const STYLE_SOURCE = `${NONCE}\\[[\\d;]*m`;
/** Every style marker in a text (global: reset `lastIndex` or use with `replace`). */
export const STYLE_CODES = new RegExp(STYLE_SOURCE, 'g');
const STYLE_HERE = new RegExp(STYLE_SOURCE, 'y');

/** The style marker that starts at `index`, if one does. */
export function styleCodeAt(text: string, index: number): string | undefined {
  if (text[index] !== NONCE[0]) return undefined;
  STYLE_HERE.lastIndex = index;
  return STYLE_HERE.exec(text)?.[0];
}

export function withoutStyles(text: string): string {
  return text.replace(STYLE_CODES, '');
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the same, newline included.
const CONTROLS_AND_NEWLINE = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * One cell per character, so widths measured before are still right: C0 as its Control Picture
 * (ESC `␛`, BEL `␇`, CR `␍`), DEL `␡`, and C1 (no pictures exist; U+009B is a CSI to some
 * terminals) as `�`.
 */
function picture(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  return code === 0x7f ? '\u2421' : '\ufffd';
}

/**
 * The text as it may be written to a terminal: control characters shown (newlines kept as line
 * breaks unless `newlines` is false, for text that must stay on one row), then gradstep's style
 * markers turned into escape sequences.
 */
export function printable(text: string, newlines = true): string {
  return text
    .replace(newlines ? CONTROLS : CONTROLS_AND_NEWLINE, picture)
    .replace(STYLE_CODES, (marker) => `\u001b${marker.slice(NONCE.length)}`);
}

const RAW_IN_JSON = /[\u007f-\u009f]/g;

/**
 * JSON.stringify, with DEL and the C1 controls escaped too (`\u009b`), so the JSON is safe on a
 * terminal and still carries the exact string.
 */
export function safeJson(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(
    RAW_IN_JSON,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
