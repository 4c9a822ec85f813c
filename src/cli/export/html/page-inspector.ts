/**
 * The inspector's lines of every node, split as the page shows them (head, the user's values,
 * ledger entries, checks) and stored once each: many nodes share their op and check lines.
 */
/** The page's per-node columns that hold inspector lines (indexes into the page's texts). */
export interface InspectorColumns {
  readonly label: string[];
  /** Contributions its grad receives in all (consumer edges). */
  readonly expected: number[];
  /**
   * The inspector's lines above data and grad (definition, op and formula, inputs), as indexes
   * into `texts`: most nodes share their op line and their check lines.
   */
  readonly head: number[][];
  /** The ledger's entry lines at `end`, in arrival order: the first k show after k arrived. */
  readonly ledger: string[][];
  /**
   * The inspector's lines between grad and the ledger: the user's own values beside gradstep's
   * (an `observed:` block), which do not change with the position.
   */
  readonly compare: number[][];
  /** The inspector's grad-check lines before the grad is final, and once it is. */
  readonly checkWaiting: number[][];
  readonly checkFinal: number[][];
}

/**
 * Splits the inspector's lines of every node: head (above `data`), ledger entries (indented
 * under `ledger`) and the grad check (from `check` on).
 */
export function inspectAll(
  nodes: InspectorColumns,
  texts: Interner,
  inspect: (id: number) => string[],
  when: 'waiting' | 'final',
): void {
  for (let id = 0; id < nodes.label.length; id++) {
    const lines = inspect(id);
    const data = lines.findIndex((line) => line.startsWith('data '));
    const check = lines.findIndex((line) => line.startsWith('check '));
    const ledger = lines.findIndex((line) => line.startsWith('ledger '));
    // The walkthrough's expects are the teacher's checks: the students' page leaves them out.
    const checkLines = check < 0 ? [] : lines.slice(check).filter((l) => !l.startsWith('expect '));
    if (when === 'waiting') {
      nodes.head.push(texts.intern(lines.slice(0, data)));
      nodes.compare.push(texts.intern(compareLines(lines, data, ledger, check)));
      nodes.checkWaiting.push(texts.intern(checkLines));
      continue;
    }
    const entries = ledger < 0 ? [] : lines.slice(ledger + 1, check < 0 ? undefined : check);
    nodes.ledger.push(entries.filter((line) => line.startsWith('  ')).map((line) => line.trim()));
    nodes.expected[id] = nodes.ledger[id].length;
    nodes.checkFinal.push(texts.intern(checkLines));
  }
}

/**
 * The lines after data and grad and before the ledger (or the end): a wrong mode's second grad
 * line (`grad (correct)`, which changes with the position and is not shown) is left out.
 */
function compareLines(lines: readonly string[], data: number, ledger: number, check: number) {
  const gradLines = lines[data + 1]?.startsWith('grad (') ? 2 : 1;
  const notOnPath = lines.findIndex((line) => line.startsWith('not on the path'));
  const ends = [ledger, notOnPath, check].filter((i) => i >= 0);
  return lines.slice(data + 1 + gradLines, ends.length > 0 ? Math.min(...ends) : undefined);
}

export interface Interner {
  readonly table: string[];
  intern(lines: readonly string[]): number[];
}

/** A table of distinct lines; each is stored once and referred to by its index. */
export function interner(): Interner {
  const table: string[] = [];
  const index = new Map<string, number>();
  const one = (line: string): number => {
    let i = index.get(line);
    if (i === undefined) {
      i = table.push(line) - 1;
      index.set(line, i);
    }
    return i;
  };
  return { table, intern: (lines) => lines.map(one) };
}
