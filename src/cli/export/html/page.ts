import type { PageData } from './page-data.js';
import { PLAYER_GRAPH } from './player-graph.js';
import { PLAYER_PANELS } from './player-panels.js';
import { PLAYER_PREDICT } from './player-predict.js';
import { PLAYER_STATE } from './player-state.js';

const STYLE = `
:root { --ink: #1f2328; --dim: #7a828c; --line: #b8bfc7; --paper: #fff; --soft: #f4f6f8;
  --current: #b7791f; --changed: #a626a4; --selected: #1f6feb; --ok: #1a7f37; --fail: #cf222e; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, sans-serif; color: var(--ink); background: var(--soft);
  display: grid; grid-template-rows: auto auto auto 1fr auto; grid-template-columns: minmax(0, 1fr);
  height: 100vh; overflow: hidden; }
body > * { min-width: 0; }
header { padding: 8px 16px 0; display: flex; gap: 16px; align-items: baseline; flex-wrap: wrap; }
h1 { font-size: 18px; margin: 0; }
h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--dim); margin: 0 0 4px; }
#file { color: var(--dim); font-family: ui-monospace, monospace; }
#where { font-weight: 600; margin-left: auto; font-family: ui-monospace, monospace; }
nav { padding: 6px 16px; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
button { font: inherit; border: 1px solid var(--line); background: var(--paper); border-radius: 6px;
  padding: 3px 10px; cursor: pointer; }
button:hover { border-color: var(--selected); }
kbd { font-family: ui-monospace, monospace; font-size: 12px; color: var(--dim); }
#goto-input { font: 13px ui-monospace, monospace; padding: 3px 6px; width: 11em; }
#message, #predict-note { color: var(--fail); }
#score { font-family: ui-monospace, monospace; }
#predict { border: 2px solid var(--current); border-radius: 6px; padding: 6px 8px; margin-bottom: 6px; background: #fff8e6; }
#predict label { font-weight: 700; display: block; }
#predict .ask { display: flex; gap: 6px; margin: 4px 0; }
#predict input { font: 13px ui-monospace, monospace; padding: 3px 6px; width: 12em; }
#predict .dim { color: var(--dim); }
.bar { padding: 0 16px 6px; display: flex; gap: 10px; align-items: center; }
#timeline { display: flex; gap: 2px; flex-wrap: nowrap; overflow: hidden; min-width: 0;
  font-family: ui-monospace, monospace; }
#timeline .token { border: 0; background: none; padding: 1px 4px; font: 13px ui-monospace, monospace; }
#timeline .token.ahead { color: var(--dim); }
#timeline .token.current { background: var(--ink); color: var(--paper); font-weight: 700; border-radius: 4px; }
#timeline .cut { color: var(--dim); padding: 1px 2px; }
#scrub { flex: 1; min-width: 120px; }
main { display: grid; grid-template-rows: minmax(0, 1fr) minmax(0, 42%); gap: 10px;
  padding: 0 16px; min-height: 0; }
#graph { overflow: auto; background: var(--paper); border: 1px solid var(--line); border-radius: 6px; }
aside { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 12px; min-height: 0; }
aside section { background: var(--paper); border: 1px solid var(--line); border-radius: 6px;
  padding: 8px 10px; overflow: auto; }
.pane { font: 13px/1.5 ui-monospace, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
.pane .head { font-weight: 700; }
.pane .say { color: #0b6e79; font-family: system-ui, sans-serif; margin: 4px 0; }
.pane .ok { color: var(--ok); } .pane .fail { color: var(--fail); font-weight: 700; }
.pane .dim { color: var(--dim); }
.nowrap { white-space: nowrap; }
footer { padding: 6px 16px 8px; color: var(--dim); font-size: 12px; font-family: ui-monospace, monospace; }
details { padding: 0 16px 8px; font-size: 13px; } details pre { white-space: pre-wrap; margin: 4px 0; }
svg { display: block; font: 12px ui-monospace, monospace; }
.edge { fill: none; stroke: #8c959f; stroke-width: 1.2; }
.op { fill: var(--soft); stroke: #8c959f; }
.op-text { text-anchor: middle; fill: var(--ink); }
.box { fill: var(--paper); stroke: #57606a; stroke-width: 1.2; }
.sep { stroke: var(--line); }
.node { cursor: pointer; }
.label { font-weight: 700; }
.unknown { fill: var(--dim); }
.pending .grad { fill: var(--dim); } .final .grad { fill: var(--ok); }
.changed .box { stroke: var(--changed); stroke-width: 2.5; } .changed .grad { fill: var(--changed); font-weight: 700; }
.current .box { stroke: var(--current); stroke-width: 3; fill: #fff8e6; }
.current .label { fill: var(--current); }
.nonfinite .box { stroke: var(--fail); stroke-width: 3; }
.selected .box { stroke: var(--selected); stroke-width: 3; }
.node .bad { fill: var(--fail); font-weight: 700; }
`;

const BODY = `
<header><h1 id="title"></h1><span id="file"></span><span id="score"></span><span id="where"></span></header>
<nav id="controls">
  <button type="button" data-act="first">◀◀ start <kbd>g</kbd></button>
  <button type="button" data-act="prev">◀ back <kbd>N ←</kbd></button>
  <button type="button" data-act="next">next ▶ <kbd>n →</kbd></button>
  <button type="button" data-act="last">end ▶▶ <kbd>G</kbd></button>
  <form id="goto"><label><kbd>:</kbd> goto <input id="goto-input" placeholder="F3, B2, x, end" autocomplete="off"></label></form>
  <span id="message" role="status"></span>
</nav>
<div class="bar"><div id="timeline"></div><input id="scrub" type="range" min="0" value="0" aria-label="position"></div>
<main>
  <section id="graph" aria-label="graph"><svg id="canvas"><g id="edges"></g><g id="boxes"></g></svg></section>
  <aside>
    <section><h2>step</h2>
      <form id="predict" hidden><label for="predict-input" id="predict-question"></label>
        <div class="ask"><input id="predict-input" inputmode="decimal" autocomplete="off" aria-describedby="predict-hint predict-note">
        <button type="submit">answer <kbd>⏎</kbd></button><button type="button" id="predict-skip">skip <kbd>Esc</kbd></button></div>
        <div id="predict-hint" class="dim"></div><div id="predict-note" role="alert"></div></form>
      <div id="step" class="pane"></div></section>
    <section><h2 id="inspector-title">inspector</h2><div id="inspector" class="pane"></div></section>
  </aside>
</main>
<footer><div id="legend"></div><div id="keys"></div><details id="about"><summary>about this graph</summary><pre id="description"></pre></details></footer>
<noscript>This step-through needs JavaScript.</noscript>
`;

/**
 * One self-contained page: styles, the session's recorded data as JSON and the player script,
 * with nothing fetched (no network, no fonts), so it works opened from disk. `<` in the JSON is
 * written `\u003c`, so no text from the scenario can end the script element.
 */
export function htmlPage(data: PageData & { readonly start: number }): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  const script = `(() => {\n'use strict';\n${PLAYER_STATE}${PLAYER_PREDICT}${PLAYER_GRAPH}${PLAYER_PANELS}})();`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>gradstep</title>
<style>${STYLE}</style>
</head>
<body>${BODY}<script type="application/json" id="gradstep-data">${json}</script>
<script>${script}</script>
</body>
</html>
`;
}
