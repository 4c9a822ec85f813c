import type { Scenario } from '../../scenario/index.js';
import { formatValue, nodeValue, stepName } from '../../session/index.js';
import { blockHeading, expectText } from './text.js';
import type { TranscriptFormat } from './writer.js';

const cell = (text: string) => text.replace(/\|/g, '\\|');
const code = (text: string) => `\`${text}\``;

/** A handout: title, description, the graph as a table, every step, and the values at the end. */
export function markdownFormat(
  scenario: Scenario,
  precision: number | undefined,
): TranscriptFormat {
  const { graph } = scenario;
  return {
    narrates: true,
    head(write) {
      write(`# ${scenario.title}\n\n`);
      if (scenario.description !== undefined) write(`${scenario.description.trim()}\n\n`);
      write('## Graph\n\n| id | node | op | inputs | line |\n|---:|---|---|---|---:|\n');
      for (let id = 0; id < graph.size; id++) {
        const inputs = graph.inputsOf(id).map((i) => code(cell(scenario.labelOf(i))));
        const line = scenario.lineOf(id);
        write(
          `| ${id} | ${code(cell(scenario.labelOf(id)))} | ${graph.spec(id).name} | ${inputs.join(', ')} | ${line ?? ''} |\n`,
        );
      }
      write('\n## Steps\n');
    },
    block(block, write) {
      const out = ['', `### ${blockHeading(block)}`];
      const paragraphs = [
        block.narration.map((line) => `- ${code(line)}`),
        ...block.say.map((say) =>
          say
            .trimEnd()
            .split('\n')
            .map((l) => `> ${l}`),
        ),
        block.expects.map((e) => `- ${expectText(scenario, e)}`),
      ];
      for (const lines of paragraphs) if (lines.length > 0) out.push('', ...lines);
      write(`${out.join('\n')}\n`);
    },
    tail(final, write) {
      const at =
        final.position === final.timeline.total
          ? 'the end'
          : stepName(final.timeline, final.position);
      write(`\n## Values at ${at}\n\n| node | data | grad |\n|---|---:|---:|\n`);
      for (let id = 0; id < graph.size; id++) {
        const data = formatValue(nodeValue(final, id, 'data'), precision);
        const grad = formatValue(nodeValue(final, id, 'grad'), precision);
        write(`| ${code(cell(scenario.labelOf(id)))} | ${data} | ${grad} |\n`);
      }
    },
  };
}
