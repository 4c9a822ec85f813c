/** check's full collection after a big load: unreachable buffers are freed when it returns. */
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { collectGarbage } from '../../src/cli/collect.js';

it('frees an unreachable buffer at once', async () => {
  const freed: string[] = [];
  const registry = new FinalizationRegistry((name: string) => freed.push(name));
  (() => {
    // Nothing else allocates here: only the forced collection frees it this soon.
    const scratch = new Int32Array(1 << 20);
    registry.register(scratch, 'scratch');
  })();
  await collectGarbage();
  await collectGarbage();
  // Finalizers run as a task after the collection.
  await sleep(10);
  expect(freed).toEqual(['scratch']);
});
