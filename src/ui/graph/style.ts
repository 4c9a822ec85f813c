import { inStyle, type StyleName } from '../../scenario/index.js';
import type { NodeState } from './types.js';

/** One of the painter's named styles, or '' for the terminal's default. */
export type Style = StyleName | '';

export const PLAIN: Style = '';
export const EDGE: Style = 'dim';
/**
 * The edges along which the step just run moved a value, in the colour of the node that ran (its
 * heavy frame); their heavy glyphs carry it without colour.
 */
export const FLOW: Style = 'current';

/** The node flags, in the order their glyphs are printed. */
export type Flag =
  | 'current'
  | 'changed'
  | 'breakpoint'
  | 'nonfinite'
  | 'mismatch'
  | 'wrongDerivative'
  | 'searchMatch'
  | 'selected'
  | 'final'
  | 'pending';

interface FlagLook {
  readonly glyph: string;
  readonly style: StyleName;
  readonly meaning: string;
}

/**
 * Every flag has a glyph as well as a style, so each state reads on a monochrome terminal.
 * The order is also the priority when flags pick a box frame's style.
 */
export const FLAGS: Readonly<Record<Flag, FlagLook>> = {
  current: { glyph: '▶', style: 'current', meaning: 'step just run' },
  changed: { glyph: 'Δ', style: 'changed', meaning: 'grad changed' },
  breakpoint: { glyph: '●', style: 'red', meaning: 'breakpoint' },
  nonfinite: { glyph: '!', style: 'error', meaning: 'NaN or ±∞' },
  wrongDerivative: { glyph: '✗', style: 'error', meaning: 'wrong derivative' },
  mismatch: { glyph: '≠', style: 'alarm', meaning: 'wrong grad' },
  searchMatch: { glyph: '⌕', style: 'accent', meaning: 'search match' },
  selected: { glyph: '»', style: 'selected', meaning: 'selected' },
  final: { glyph: '✓', style: 'green', meaning: 'grad final' },
  pending: { glyph: '◌', style: 'dim', meaning: 'grad pending' },
};

const FLAG_ORDER = Object.keys(FLAGS) as Flag[];

const isNonFinite = (x: number | null | undefined): boolean =>
  x !== null && x !== undefined && !Number.isFinite(x);

/** The flags set on a node, in glyph order; non-finite data or grad counts as flagged. */
export function flagsOf(state: NodeState): Flag[] {
  const flags: Flag[] = [];
  for (const flag of FLAG_ORDER) {
    const set =
      flag === 'nonfinite'
        ? state.nonfinite === true || isNonFinite(state.data) || isNonFinite(state.grad)
        : state[flag] === true;
    if (set) flags.push(flag);
  }
  return flags;
}

/**
 * The style of a box's frame: the highest-priority flag's. Final and pending only colour the
 * grad and the glyph: at the end of backward every node is final, and a screen of coloured
 * frames would hide the ones that need attention.
 */
export function frameStyle(flags: readonly Flag[]): Style {
  const first = flags.find((f) => f !== 'final' && f !== 'pending');
  return first === undefined ? PLAIN : FLAGS[first].style;
}

/** Text in a style, or as it is in the default style. */
export function styled(text: string, style: Style): string {
  return style === '' ? text : inStyle(style, text);
}
