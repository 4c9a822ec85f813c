/**
 * Every benchmark suite, in the order the table prints them. To add one, write it in its own file
 * in bench/ as a BenchSuite and add it here.
 */
import type { BenchSuite } from './harness.js';
import { layout } from './layout.js';
import { load } from './load.js';
import { scale } from './scale.js';
import { session } from './session.js';
import { ui } from './ui.js';
import { w1 } from './w1.js';
import { w2 } from './w2.js';

export const SUITES: readonly BenchSuite[] = [w1, w2, load, session, ui, layout, scale];
