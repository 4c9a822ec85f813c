import type { Scenario } from '../../scenario/index.js';
import {
  type ExpectResult,
  formatNumber,
  formatValue,
  type Prediction,
  type SessionState,
  scoreOf,
} from '../../session/index.js';
import type { AskedPrediction, ReplayBlock } from './drive.js';
import type { TranscriptFormat } from './writer.js';

/** Expected and actual values are shown in full: a failed expect may differ in the 9th digit. */
const EXPECT_PRECISION = 17;

export function blockHeading(block: ReplayBlock): string {
  return block.from === undefined ? block.to : `${block.from} → ${block.to}`;
}

/** `x.grad = 12.000073729642216: ok`, or the value found when it is not. */
export function expectText(scenario: Scenario, e: ExpectResult): string {
  const target = `${scenario.labelOf(e.node)}.${e.field}`;
  const expected = formatNumber(e.expected, EXPECT_PRECISION);
  if (e.ok) return `expect ${target} = ${expected}: ok`;
  const actual = formatValue(e.actual ?? undefined, EXPECT_PRECISION);
  return `expect ${target} = ${expected}: FAILED, found ${actual}`;
}

/** `x1.grad`: what a prediction asks for. */
export function questionText(scenario: Scenario, p: Prediction): string {
  return `${scenario.labelOf(p.node)}.${p.field}`;
}

/** `predict x1.grad: -1.5 ✓ (it is -1.5)`, `… 2 ✗ (…)`, `… skipped (…)`. */
export function predictionText(
  scenario: Scenario,
  asked: AskedPrediction,
  precision: number | undefined,
): string {
  const answer =
    asked.answer === null
      ? 'skipped'
      : `${formatNumber(asked.answer, EXPECT_PRECISION)} ${asked.ok ? '✓' : '✗'}`;
  const actual = formatNumber(asked.actual, precision);
  return `predict ${questionText(scenario, asked.prediction)}: ${answer} (it is ${actual})`;
}

/** `predictions 2/3 right (1 skipped)`, or undefined when there are no predictions. */
export function scoreText(final: SessionState): string | undefined {
  const total = final.predictions.length;
  if (total === 0) return undefined;
  const { right, asked, skipped } = scoreOf(final);
  const notes = [
    ...(skipped > 0 ? [`${skipped} skipped`] : []),
    ...(total > asked ? [`${total - asked} not reached`] : []),
  ];
  return `predictions ${right}/${total} right${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
}

/**
 * The plain transcript: the title, then per block the step, the predictions it settles, its
 * narration and walkthrough, and the predictions' score at the end.
 */
export function textFormat(scenario: Scenario, file: string, precision?: number): TranscriptFormat {
  return {
    narrates: true,
    head: (write) => write(`${scenario.title} (${file})\n`),
    block(block, write) {
      const out = ['', blockHeading(block)];
      for (const a of block.predictions) out.push(`  ${predictionText(scenario, a, precision)}`);
      for (const line of block.narration) out.push(`  ${line}`);
      for (const say of block.say)
        out.push(
          ...say
            .trimEnd()
            .split('\n')
            .map((l) => `  » ${l}`),
        );
      for (const e of block.expects) out.push(`  ${expectText(scenario, e)}`);
      write(`${out.join('\n')}\n`);
    },
    tail(final, write) {
      const score = scoreText(final);
      if (score !== undefined) write(`\n${score}\n`);
    },
  };
}
