import { diagnosticToJson, type LoadResult, loadScenario } from '../../src/scenario/index.js';

/** A scenario file's text loaded as `t.yaml`, with optional --set values. */
export const loadText = (text: string, set?: ReadonlyMap<string, number>): LoadResult =>
  loadScenario({ name: 't.yaml', text }, { set });

/** The diagnostics of a text as `LINE:COL message | hint`, in order. */
export function problems(text: string, set?: ReadonlyMap<string, number>): string[] {
  return loadText(text, set).diagnostics.map((d) => {
    const { line, col, hint } = diagnosticToJson(d);
    return `${d.source.name === 't.yaml' ? '' : `${d.source.name}:`}${line}:${col} ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}${hint ? ` | ${hint}` : ''}`;
  });
}

export const GRAPH = 'graph: |\n  x = 2.0\n  y = 3.0\n  z = x * y\n';
export const OK = `title: t\n${GRAPH}`;
