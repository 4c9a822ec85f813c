/**
 * Labels as the graph view shows them: each fits its box, and no two nodes show the same text.
 * A long label is shortened from the middle (`sum2_…_s4`), which keeps the parts that tell
 * neighbours apart; labels that still collide (or were equal to begin with, as two `x * y`
 * expressions are) show their node's `#ID`.
 */
export function fitLabels(raw: readonly string[], widthOf: (id: number) => number): string[] {
  const count = new Map<string, number>();
  for (const label of raw) count.set(label, (count.get(label) ?? 0) + 1);
  const whole = raw.map((label, id) => ((count.get(label) ?? 0) > 1 ? `${label} #${id}` : label));
  const fitted = whole.map((label, id) => middleCut(label, widthOf(id)));
  const owners = new Map<string, number[]>();
  fitted.forEach((label, id) => {
    const list = owners.get(label);
    if (list === undefined) owners.set(label, [id]);
    else list.push(id);
  });
  for (const ids of owners.values()) {
    if (ids.length < 2) continue;
    for (const id of ids) fitted[id] = withId(whole[id], id, widthOf(id));
  }
  return fitted;
}

/** Keeps the start and the end: `wx2_3_1_s4` in 8 cells is `wx2_…s4`. */
export function middleCut(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 1) return chars.slice(0, width).join('');
  const head = Math.ceil((width - 1) / 2);
  const tail = width - 1 - head;
  return `${chars.slice(0, head).join('')}…${tail > 0 ? chars.slice(-tail).join('') : ''}`;
}

/** `label…#ID` in `width` cells; the id wins when there is no room for both. */
function withId(label: string, id: number, width: number): string {
  const tag = `#${id}`;
  const bare = label.endsWith(` ${tag}`) ? label.slice(0, -tag.length - 1) : label;
  if (bare.length + 1 + tag.length <= width) return `${bare} ${tag}`;
  const room = width - tag.length - 1;
  return room < 1 ? tag : `${[...bare].slice(0, room).join('')}…${tag}`;
}
