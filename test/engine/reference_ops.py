"""High-precision values of each op and its local derivatives, for test/engine/extremes.test.ts.

Reads JSON [{"op", "a", "b", "k"}] (numbers as strings, so -0 survives) on stdin and writes one
[data, d0, d1] per case, each the correctly rounded double as repr() ("inf", "nan") or null where
the value is undefined (a pole or outside the domain). Rational ops use exact fractions; exp, log,
tanh, sigmoid and fractional powers use decimal at 60 digits beyond what cancellation costs.
"""

import json
import sys
from decimal import MAX_EMAX, MIN_EMIN, Context, Decimal, localcontext
from fractions import Fraction


def rounded(x):
    if x is None:
        return None
    try:
        return repr(float(x))
    except OverflowError:
        return "inf" if x > 0 else "-inf"


def context(a):
    lost = max(0, -Decimal(a).adjusted()) if a != 0 else 0
    return Context(prec=60 + lost, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[])


def power(a, k):
    if a == 0 and k < 0:
        return None
    if k == int(k):
        return Fraction(a) ** int(k)
    if a < 0:
        return None
    if a == 0:
        return Fraction(0)
    with localcontext(context(a)):
        return Decimal(a) ** Decimal(k)


def pow_op(a, k):
    if k == 0:
        return power(a, 0), Fraction(0)
    slope = power(a, k - 1)
    return power(a, k), None if slope is None else Fraction(k) * Fraction(slope)


def tanh_op(a):
    with localcontext(context(a)):
        t = (Decimal(-2) * abs(Decimal(a))).exp()
        value = (1 - t) / (1 + t)
        return (value if a >= 0 else -value), 4 * t / ((1 + t) * (1 + t))


def sigmoid_op(a):
    with localcontext(context(a)):
        t = (-abs(Decimal(a))).exp()
        value = 1 / (1 + t) if a >= 0 else t / (1 + t)
        return value, t / ((1 + t) * (1 + t))


def exp_op(a):
    with localcontext(context(a)):
        e = Decimal(a).exp()
        return e, e


def log_op(a):
    if a <= 0:
        return None, None
    with localcontext(context(a)):
        return Decimal(a).ln(), 1 / Fraction(a)


def div_op(a, b):
    if b == 0:
        return None, None, None
    fa, fb = Fraction(a), Fraction(b)
    return fa / fb, 1 / fb, -fa / (fb * fb)


def evaluate(op, a, b, k):
    fa, fb = Fraction(a), Fraction(b)
    if op == "add":
        return fa + fb, 1, 1
    if op == "sub":
        return fa - fb, 1, -1
    if op == "mul":
        return fa * fb, fb, fa
    if op == "div":
        return div_op(a, b)
    if op == "neg":
        return -fa, -1, None
    if op == "relu":
        return max(fa, 0), 1 if a > 0 else 0, None
    single = {"pow": lambda: pow_op(a, k), "tanh": lambda: tanh_op(a), "sigmoid": lambda: sigmoid_op(a),
              "exp": lambda: exp_op(a), "log": lambda: log_op(a)}
    data, slope = single[op]()
    return data, slope, None


cases = json.load(sys.stdin)
out = []
for case in cases:
    values = evaluate(case["op"], float(case["a"]), float(case["b"]), float(case["k"]))
    out.append([rounded(v) for v in values])
json.dump(out, sys.stdout)
