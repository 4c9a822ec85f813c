/**
 * A bound on the part of a scenario file the YAML parser reads: everything but a plain `graph: |`
 * block, which the fast reader takes whatever its size. YAML holds many times its text while it
 * parses (a 50 MB quoted description took 51 s and 1.8 GB), so a file over the bound is refused
 * before it is parsed, with the field that makes it so.
 */
import { findGraphBlock } from './fast-load.js';
import type { Report } from './report.js';

/** Bytes of YAML (the file without its graph block) a scenario may have. */
export const MAX_YAML_CHARS = 4_000_000;

/** Reports and returns true when the file's YAML is over the bound. */
export function yamlTooLarge(text: string, report: Report): boolean {
  const block = findGraphBlock(text);
  const graphChars = block === undefined ? 0 : block.to - block.from;
  if (text.length - graphChars <= MAX_YAML_CHARS) return false;
  const field = largestField(text, block?.from ?? -1);
  const megabytes = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  const name = field.key === '' ? 'The file' : `'${field.key}'`;
  const size = field.key === '' ? text.length - graphChars : field.end - field.start;
  report.error(
    { start: field.start, end: field.start + field.key.length },
    `${name} takes ${megabytes(size)}; a scenario's fields other than a plain graph block may take ${megabytes(MAX_YAML_CHARS)} in all.`,
    block === undefined
      ? 'Write the graph as a plain block (graph: | and one statement a line): it may be of any size.'
      : 'Shorten it, or keep long texts in a file of their own.',
  );
  return true;
}

/** The top-level key (a line starting with a name and a colon) whose value runs longest. */
function largestField(text: string, graphFrom: number) {
  let best = { key: '', start: 0, end: 0 };
  const key = /^([A-Za-z_$][\w$-]*)[ ]*:/gm;
  let previous: { key: string; start: number } | undefined;
  const close = (end: number) => {
    if (previous === undefined) return;
    // The graph block's own lines do not count (its key line ends right before graphFrom).
    const inGraph = graphFrom >= 0 && previous.key === 'graph' && end > graphFrom;
    if (!inGraph && end - previous.start > best.end - best.start) best = { ...previous, end };
  };
  for (const m of text.matchAll(key)) {
    close(m.index);
    previous = { key: m[1], start: m.index };
  }
  close(text.length);
  return best;
}
