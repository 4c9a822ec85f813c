import { opSpec } from '../../engine/index.js';
import { formatValue, nodeValue, stepName } from '../../session/index.js';
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
    out.push('', `### ${blockHeading(block)}`);
    const paragraphs = [
      block.narration.map((line) => `- ${code(line)}`),
      ...block.say.map((say) =>
        say
          .trimEnd()
          .split('\n')
          .map((l) => `> ${l}`),
      ),
      block.expects.map((e) => `- ${expectText(transcript, e)}`),
    ];
    for (const lines of paragraphs) if (lines.length > 0) out.push('', ...lines);
  }

  const at =
    final.position === final.timeline.total ? 'the end' : stepName(final.timeline, final.position);
  out.push('', `## Values at ${at}`, '', '| node | data | grad |', '|---|---:|---:|');
  for (let id = 0; id < graph.size; id++) {
    const data = formatValue(nodeValue(final, id, 'data'), precision);
    const grad = formatValue(nodeValue(final, id, 'grad'), precision);
    out.push(`| ${code(cell(scenario.labelOf(id)))} | ${data} | ${grad} |`);
  }
  return `${out.join('\n')}\n`;
}
