import { opSpec } from '../../engine/index.js';
import { formatValue, nodeValue } from '../../session/index.js';
import type { Transcript } from './drive.js';
import { blockHeading, expectText } from './text.js';

const cell = (text: string) => text.replace(/\|/g, '\\|');
const code = (text: string) => `\`${text}\``;

/** A handout: title, description, the graph as a table, every step, and the values at the end. */
export function transcriptMarkdown(transcript: Transcript, precision: number | undefined): string {
  const { scenario, final } = transcript;
  const { graph } = scenario;
  const out = [`# ${scenario.title}`, ''];
  if (scenario.description !== undefined) out.push(scenario.description.trim(), '');

  out.push('## Graph', '', '| id | node | op | inputs | line |', '|---:|---|---|---|---:|');
  for (let id = 0; id < graph.size; id++) {
    const inputs = graph.inputsOf(id).map((i) => code(cell(scenario.labelOf(i))));
    const line = scenario.lineOf(id);
    out.push(
      `| ${id} | ${code(cell(scenario.labelOf(id)))} | ${opSpec(graph.opOf(id)).name} | ${inputs.join(', ')} | ${line ?? ''} |`,
    );
  }

  out.push('', '## Steps');
  for (const block of transcript.blocks) {
    out.push('', `### ${blockHeading(block)}`, '');
    for (const line of block.narration) out.push(`- ${code(line)}`);
    for (const say of block.say)
      out.push(
        '',
        ...say
          .trimEnd()
          .split('\n')
          .map((l) => `> ${l}`),
      );
    if (block.expects.length > 0) out.push('');
    for (const e of block.expects) out.push(`- ${expectText(transcript, e)}`);
  }

  const at = transcript.blocks.at(-1)?.to ?? 'start';
  out.push('', `## Values at ${at}`, '', '| node | data | grad |', '|---|---:|---:|');
  for (let id = 0; id < graph.size; id++) {
    const data = formatValue(nodeValue(final, id, 'data'), precision);
    const grad = formatValue(nodeValue(final, id, 'grad'), precision);
    out.push(`| ${code(cell(scenario.labelOf(id)))} | ${data} | ${grad} |`);
  }
  return `${out.join('\n')}\n`;
}
