/**
 * Evaluates a rule with its numbers put in (`(1 - 0.99999²)`, `3·(-1.5)**(3-1)`, `[6.75 > 0]`), as
 * a reader would: narration checks its shown arithmetic with this, not with the engine's own
 * derivative code (which may compute the same slope another way). Undefined when the text is not
 * this small language.
 */
export function evaluateShown(text: string): number | undefined {
  const tokens = text.match(/NaN|Infinity|\d+(?:\.\d+)?(?:e-?\d+)?|\*\*|[-+·×*/()²[\]<>]|\S/g);
  if (tokens === null) return undefined;
  let at = 0;
  const peek = () => tokens[at];
  const take = (token: string): boolean => {
    if (tokens[at] !== token) return false;
    at++;
    return true;
  };

  const primary = (): number => {
    const token = tokens[at++];
    if (token === '(') {
      const value = sum();
      if (!take(')')) throw new SyntaxError(')');
      return value;
    }
    if (token === '[') {
      const left = sum();
      const op = tokens[at++];
      const right = sum();
      if (!take(']') || (op !== '>' && op !== '<')) throw new SyntaxError(']');
      return (op === '>' ? left > right : left < right) ? 1 : 0;
    }
    if (token !== undefined && /^(NaN|Infinity|\d)/.test(token)) return Number(token);
    throw new SyntaxError(token ?? 'end');
  };
  const power = (): number => {
    let base = primary();
    while (take('²')) base *= base;
    return take('**') ? base ** unary() : base;
  };
  const unary = (): number => (take('-') ? -unary() : power());
  const product = (): number => {
    let value = unary();
    for (;;) {
      if (take('·') || take('×') || take('*')) value *= unary();
      else if (take('/')) value /= unary();
      else return value;
    }
  };
  const sum = (): number => {
    let value = product();
    for (;;) {
      if (take('+')) value += product();
      else if (take('-')) value -= product();
      else return value;
    }
  };
  try {
    const value = sum();
    return peek() === undefined ? value : undefined;
  } catch {
    return undefined;
  }
}
