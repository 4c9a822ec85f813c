/**
 * The text of a chain scenario of any length, for benchmarks and scale tests: one statement a
 * line, each node reading the one before: `length + 4` lines ('add') or `length + 5` ('mixed').
 * - 'add': v1 = x + x, v_k = v_(k-1) + x. Closed form: v_k = (k + 1)·x, and x.grad = length + 1.
 * - 'mixed': + x, * w and tanh in turn (as bench W1's chain), so the parser sees calls too.
 */
export type ChainKind = 'add' | 'mixed';

export function chainScenarioText(length: number, kind: ChainKind = 'add'): string {
  const lines = [`title: a ${kind} chain of ${length} nodes`, 'graph: |', '  x = 0.5'];
  if (kind === 'mixed') lines.push('  w = 0.9');
  let previous = 'x';
  for (let k = 1; k <= length; k++) {
    const name = `v${k}`;
    if (kind === 'add') lines.push(`  ${name} = ${previous} + x`);
    else {
      const expr = [`${previous} + x`, `${previous} * w`, `tanh(${previous})`][k % 3];
      lines.push(`  ${name} = ${expr}`);
    }
    previous = name;
  }
  lines.push(`output: ${previous}`);
  return `${lines.join('\n')}\n`;
}
