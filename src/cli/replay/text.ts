import type { Scenario } from '../../scenario/index.js';
import { type ExpectResult, formatNumber, formatValue } from '../../session/index.js';
import type { ReplayBlock } from './drive.js';
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

/** The plain transcript: the title, then per block the step, its narration and walkthrough. */
export function textFormat(scenario: Scenario, file: string): TranscriptFormat {
  return {
    narrates: true,
    head: (write) => write(`${scenario.title} (${file})\n`),
    block(block, write) {
      const out = ['', blockHeading(block)];
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
    tail: () => {},
  };
}
