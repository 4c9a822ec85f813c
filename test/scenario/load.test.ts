import { describe, expect, it } from 'vitest';
import { GRAPH, loadText as load, OK, problems } from './load-helpers.js';

describe('loadScenario', () => {
  it('loads a valid file, with the last name as the default output', () => {
    const result = load(OK);
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.scenario.labelOf(result.scenario.output)).toBe('z');
  });

  it('reports YAML syntax at its place', () => {
    expect(problems('title: [t\ngraph: x = 1\n')).toEqual([
      expect.stringMatching(/^2:\d+ YAML: .+/),
    ]);
    expect(problems('title: t\ntitle: u\ngraph: x = 1\n')).toEqual([
      '2:1 YAML: map keys must be unique.',
    ]);
  });

  it('says YAML does not allow tabs where a tab indents the fault, and only there', () => {
    const tab = ' | YAML does not allow tabs for indentation; use spaces';
    expect(problems('title: t\ngraph: |\n\tx = 2.0\n\ty = 3\n')).toEqual([
      `3:1 YAML: block scalar values in collections must be indented.${tab}`,
      `3:2 YAML: implicit map keys need to be followed by map values.${tab}`,
      `4:1 YAML: tabs are not allowed as indentation.${tab}`,
      `4:2 YAML: implicit map keys need to be followed by map values.${tab}`,
    ]);
    expect(problems('title: t\ngraph:\t[x = 1\n')).toEqual([
      '3:1 YAML: flow sequence in block collection must be sufficiently indented and end with a ].',
    ]);
  });

  it('reports a missing field at the mapping that lacks it', () => {
    expect(problems('graph: x = 1\n')).toEqual(["1:1 Missing required field 'title'."]);
    expect(problems(`${OK}walkthrough:\n  - say: hi\n`)).toEqual([
      "7:5 Missing required field 'at' in walkthrough item 1.",
    ]);
  });

  it('reports a mistyped value at the value', () => {
    expect(problems(`title: 42\n${GRAPH}`)).toEqual([
      "1:8 'title' must be a string, found a number (42).",
    ]);
    expect(problems(`${OK}walkthrough:\n  - at: end\n    pause: yes\n`)).toEqual([
      "8:12 'pause' in walkthrough item 1 must be true or false, found a string ('yes').",
    ]);
    expect(problems(`${OK}walkthrough: 3\n`)).toEqual([
      "6:14 'walkthrough' must be a list, found a number (3).",
    ]);
    expect(problems(`title: ''\n${GRAPH}`)).toEqual(["1:8 'title' must not be empty."]);
  });

  it('reports an unknown key at the key, with a did-you-mean hint', () => {
    expect(problems(`${OK}ouput: z\n`)).toEqual([
      "6:1 Unknown field 'ouput'. | Did you mean 'output'?",
    ]);
    expect(problems(`${OK}walkthrough:\n  - at: end\n    sya: hi\n`)).toEqual([
      "8:5 Unknown field 'sya' in walkthrough item 1. | Did you mean 'say'?",
    ]);
    expect(problems(`${OK}colour: red\n`)).toEqual([
      "6:1 Unknown field 'colour'. | The fields here are: title, description, graph, model, data, loss, output, train, ops, mode, walkthrough, observed.",
    ]);
  });

  it('explains an empty file, a file of comments and a file that is not text', () => {
    expect(problems('')).toEqual([
      expect.stringMatching(
        /^1:1 The file is empty\. \| A scenario needs at least a title and a graph/,
      ),
    ]);
    expect(problems('# nothing\n')).toEqual([
      expect.stringMatching(/^1:1 The file has no content, only comments\./),
    ]);
    expect(problems('title: t\n\0\0graph')).toEqual([
      '1:1 This is not a text file: it contains a NUL byte at line 2, column 1. | A scenario is a YAML or JSON text file in UTF-8.',
    ]);
    expect(problems('title: \uFFFD\n')[0]).toMatch(
      /contains bytes that are not UTF-8 at line 1, column 8/,
    );
    expect(problems('- a\n- b\n')).toEqual(['1:1 A scenario must be a mapping, found a list.']);
  });

  it('maps graph diagnostics to the file line and column', () => {
    const [problem] = problems(`title: t\ngraph: |\n  x = 2.0\n  y = tahn(x)\n`);
    expect(problem).toMatch(/^4:7 .*tahn.* \| .*tanh/);
    // The same graph as a JSON string with escapes: positions are in the JSON file's one line.
    const json = '{"title": "t", "graph": "x = 2.0\\ny = \\"tahn\\"(x)"}';
    const jsonProblem = load(json).diagnostics[0];
    expect(jsonProblem.start).toBe(json.indexOf('\\"tahn'));
  });

  it('says which characters a name may use', () => {
    const hint =
      ' | A name may use only ASCII letters, digits and _, and does not start with a digit: x_2, w1.';
    expect(problems('title: t\ngraph: |\n  名前 = 1\n  y = café * 2\n')).toEqual([
      `3:3 Unexpected characters '名前'.${hint}`,
      `4:10 Unexpected character 'é'.${hint}`,
    ]);
  });

  it('maps positions in files with CRLF line ends and in quoted graphs', () => {
    expect(problems('title: t\r\ngraph: |\r\n  x = 2.0\r\n  y = tahn(x)\r\n')[0]).toMatch(/^4:7 /);
    expect(problems('title: t\ngraph: "x = 2.0\\n  y = 3\\nz = x * q"\n')[0]).toMatch(
      /^2:35 Undefined name 'q'/,
    );
  });

  it('reports an empty graph and warns about a folded one', () => {
    expect(problems('title: t\ngraph: |\n  # nothing yet\n')).toEqual([
      '2:8 The graph has no statements. | Write one statement a line, such as: x = 2.0',
    ]);
    expect(problems('title: t\ngraph: >\n  x = 2.0\n')).toEqual([
      "2:8 warning: The graph is a folded block ('>'): YAML joins its lines into one. | Write 'graph: |' to keep one statement a line.",
    ]);
  });

  it('reports an unknown output at its value, with a did-you-mean hint', () => {
    expect(problems(`${OK}output: zz\n`)).toEqual([
      "6:9 Unknown output node 'zz'. | Did you mean 'z'?",
    ]);
    expect(problems(`${OK}output: '#9'\n`)).toEqual([
      '6:9 There is no node #9. | Node ids run from #0 to #2.',
    ]);
  });

  const item = (lines: string) => problems(`${OK}walkthrough:\n  - ${lines}\n`);

  it('checks walkthrough steps against the graph', () => {
    expect(item('at: f1\n    say: s')).toEqual(["7:9 Unknown step 'f1'. | Did you mean 'F1'?"]);
    expect(item('at: backward z\n    say: s')).toEqual([
      "7:9 Unknown step 'backward z'. | Did you mean 'backward:z'?",
    ]);
    expect(item('at: later\n    say: s')).toEqual([
      "7:9 Unknown step 'later'. | A step is start, end, F<n>, B<n>, B'<n>, U<n>, I<n>, I<n>.B<n>, forward:NODE or backward:NODE.",
    ]);
    expect(item('at: F2\n    say: s')).toEqual([
      '7:9 There is no step F2. | The only F step is F1.',
    ]);
    expect(item('at: F0\n    say: s')).toEqual([
      '7:9 There is no step F0. | The only F step is F1.',
    ]);
    expect(item('at: B2\n    say: s')).toEqual([
      '7:9 There is no step B2. | Steps go from B0 to B1.',
    ]);
    expect(item('at: forward:x\n    say: s')).toEqual([
      "7:9 'x' has no forward step: it is an input, known from the start. | Attach the item to 'start'.",
    ]);
    expect(item('at: backward:y\n    say: s')).toEqual([
      "7:9 'y' has no backward step: it is a leaf; its grad grows in the steps of the nodes that use it. | Attach the item to 'end' to see its final grad.",
    ]);
    expect(item('at: forward:zz\n    say: s')).toEqual([
      "7:9 Unknown node 'zz'. | Did you mean 'z'?",
    ]);
  });

  it('knows a node the output does not depend on has no backward step', () => {
    const text = `title: t\n${GRAPH}  w = x + 1\noutput: z\nwalkthrough:\n  - {at: 'backward:w', say: s}\n`;
    expect(problems(text)).toEqual([
      "9:10 'w' has no backward step: the output does not depend on it.",
    ]);
  });

  it('checks expects: the node, one of data or grad, and a value known at the step', () => {
    expect(item('at: end\n    expect: {node: q, grad: 1}')).toEqual(["8:20 Unknown node 'q'."]);
    expect(item('at: end\n    expect: {node: X, grad: 1}')).toEqual([
      "8:20 Unknown node 'X'. | Did you mean 'x'?",
    ]);
    expect(item('at: end\n    expect: {node: z, data: 1, grad: 1}')).toEqual([
      "8:32 An expect takes 'data' or 'grad', not both. | Write one expect per item.",
    ]);
    expect(item('at: end\n    expect: {node: z}')).toEqual([
      "8:13 An expect needs 'data' or 'grad'. | For example: {node: x, grad: 12}",
    ]);
    expect(item('at: F1\n    expect: {node: x, grad: 1}')).toEqual([
      "8:13 The grad of 'x' is not known at F1: grads are unknown before B0. | Attach the expect to a backward step or to 'end'.",
    ]);
    expect(item('at: start\n    expect: {node: z, data: 6}')).toEqual([
      "8:13 The data of 'z' is not computed yet at start: its forward step is F1. | Attach the expect to F1 or later.",
    ]);
    expect(item('at: end\n    expect:\n      node: #2\n      grad: 1')).toEqual([
      "9:7 'node' in walkthrough item 1 must be a string, found an empty value. | '#' starts a comment in YAML: quote the value, as in '#2'.",
    ]);
    expect(item('at: end\n    expect: {node: x, grad: 1, tol: -1}')).toEqual([
      "8:37 'tol' in walkthrough item 1 must be at least 0, found a number (-1).",
    ]);
  });

  it('accepts #ID references and warns about an item that does nothing', () => {
    const result = load(
      `${OK}walkthrough:\n  - at: 'backward:#2'\n    expect: {node: '#0', grad: 3}\n  - at: B0\n`,
    );
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((d) => `${d.severity}: ${d.message}`)).toEqual([
      'warning: Walkthrough item 2 does nothing.',
    ]);
    if (result.ok)
      expect(result.scenario.walkthrough[0].at).toEqual({ kind: 'backward-node', node: 2 });
  });

  it('applies --set to inputs and reports other names as from the command line', () => {
    const result = load(OK, new Map([['x', 5]]));
    expect(result.ok && result.scenario.graph.data[0]).toBe(5);
    expect(
      problems(
        OK,
        new Map([
          ['x', 1],
          ['yy', 2],
          ['z', 3],
        ]),
      ),
    ).toEqual([
      "<command-line>:1:17 --set names an unknown input 'yy'. | Did you mean 'y'?",
      "<command-line>:1:28 --set cannot change 'z': it is computed by the graph, not an input. | The inputs are: x, y.",
    ]);
  });

  it('collects every error of a file, sorted by position', () => {
    const text = `title: 1\ngraph: |\n  x = 2.0\n  y = tahn(x)\nouput: y\n`;
    expect(problems(text).map((p) => p.split(' ')[0])).toEqual(['1:8', '4:7', '5:1']);
  });
});
