import type { Scenario } from '../../scenario/index.js';
import { formatValue, type SessionState, shapeOf, stepName, valueAt } from '../../session/index.js';
import { toMermaid } from '../export/render.js';
import type { AskedPrediction, ReplayBlock } from './drive.js';
import { blockHeading, expectText, questionText, scoreText } from './text.js';
import type { TranscriptFormat, Write } from './writer.js';

const cell = (text: string) => text.replace(/\|/g, '\\|');
const code = (text: string) => `\`${text}\``;
const BLANK = '\\_'.repeat(12);

/**
 * A handout: title, description, a Mermaid drawing of the graph (inputs known, the rest `?`), the
 * graph as a table, every step, and the values at the end. A prediction is a question with a blank
 * and a break before the step that settles it, its answer in a key at the end; a walkthrough pause
 * is a break for discussion. For students: no expects, no key and no table of final values.
 */
export function markdownFormat(
  scenario: Scenario,
  precision: number | undefined,
  forStudents = false,
): TranscriptFormat {
  // One entry per question asked: as many as the scenario has predictions, not steps.
  const asked: { asked: AskedPrediction; step: string }[] = [];
  return {
    narrates: true,
    head: (write) => head(scenario, precision, write),
    block(block, write) {
      const out: string[] = [];
      for (const a of block.predictions) {
        asked.push({ asked: a, step: block.to });
        const hint = a.prediction.hint === undefined ? '' : ` (hint: ${a.prediction.hint})`;
        const question = code(questionText(scenario, a.prediction));
        out.push('', `**Predict ${question}** before ${block.to} runs: ${BLANK}${hint}`);
      }
      if (block.predictions.length > 0) out.push('', '---');
      out.push('', `### ${blockHeading(block)}`);
      for (const lines of paragraphs(scenario, block, forStudents)) {
        if (lines.length > 0) out.push('', ...lines);
      }
      write(`${out.join('\n')}\n`);
    },
    tail(final, write) {
      if (forStudents) return;
      if (asked.length > 0) write(`\n${answerKey(scenario, final, asked, precision).join('\n')}\n`);
      write(`\n${finalValues(scenario, final, precision).join('\n')}\n`);
    },
  };
}

function head(scenario: Scenario, precision: number | undefined, write: Write): void {
  const { graph } = scenario;
  write(`# ${scenario.title}\n\n`);
  if (scenario.description !== undefined) write(`${scenario.description.trim()}\n\n`);
  const atStart = {
    data: (id: number) => (graph.isLeaf(id) ? graph.data[id] : null),
    grad: () => null,
  };
  write(`\`\`\`mermaid\n${toMermaid(scenario, atStart, precision)}\`\`\`\n\n`);
  write('## Graph\n\n| id | node | op | inputs | line |\n|---:|---|---|---|---:|\n');
  for (let id = 0; id < graph.size; id++) {
    const inputs = graph.inputsOf(id).map((i) => code(cell(scenario.labelOf(i))));
    const line = scenario.lineOf(id);
    write(
      `| ${id} | ${code(cell(scenario.labelOf(id)))} | ${graph.spec(id).name} | ${inputs.join(', ')} | ${line ?? ''} |\n`,
    );
  }
  write('\n## Steps\n');
}

function paragraphs(scenario: Scenario, block: ReplayBlock, forStudents: boolean): string[][] {
  return [
    block.narration.map((line) => `- ${code(line)}`),
    ...block.say.map((say) =>
      say
        .trimEnd()
        .split('\n')
        .map((l) => `> ${l}`),
    ),
    forStudents ? [] : block.expects.map((e) => `- ${expectText(scenario, e)}`),
    block.pause ? ['**⏸ Pause for discussion.**', '', '---'] : [],
  ];
}

/** The answers, in the order asked, with the learner's verdicts when answers were given. */
function answerKey(
  scenario: Scenario,
  final: SessionState,
  asked: readonly { asked: AskedPrediction; step: string }[],
  precision: number | undefined,
): string[] {
  const lines = ['## Answer key', ''];
  const answered = asked.some((a) => a.asked.answer !== null);
  asked.forEach(({ asked: a, step }, i) => {
    const value = formatValue(a.actual, precision);
    let verdict = '';
    if (answered) {
      verdict =
        a.answer === null
          ? ': skipped'
          : `: answered ${formatValue(a.answer, 17)} ${a.ok ? '✓' : '✗'}`;
    }
    const question = code(questionText(scenario, a.prediction));
    lines.push(`${i + 1}. ${question} = ${value} (at ${step})${verdict}`);
  });
  const score = answered ? scoreText(final) : undefined;
  if (score !== undefined) lines.push('', score);
  return lines;
}

function finalValues(scenario: Scenario, final: SessionState, precision: number | undefined) {
  const at = final.position === shapeOf(final).total ? 'the end' : stepName(final, final.position);
  const lines = [`## Values at ${at}`, '', '| node | data | grad |', '|---|---:|---:|'];
  for (let id = 0; id < scenario.graph.size; id++) {
    const data = formatValue(valueAt(final, id, 'data'), precision);
    const grad = formatValue(valueAt(final, id, 'grad'), precision);
    lines.push(`| ${code(cell(scenario.labelOf(id)))} | ${data} | ${grad} |`);
  }
  return lines;
}
