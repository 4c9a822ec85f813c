"""A micrograd-style reference in pure Python (standard library only), for side-by-side timing.

  python3 bench/micrograd_ref.py check FILE   # a scenario file: build, forward, backward, print
  python3 bench/micrograd_ref.py w2 FILE      # W2's SGD step on the data and parameters in FILE

Each node is a Value object holding its data, grad, inputs and a closure that pushes its grad
back, as micrograd does; backward visits a topological order (made without recursion, so long
chains work). Scenario statements are evaluated with Python's eval over Values.
"""

import json
import math
import re
import sys
import time


class Value:
    __slots__ = ("data", "grad", "_prev", "_back")

    def __init__(self, data, prev=()):
        self.data = data
        self.grad = 0.0
        self._prev = prev
        self._back = None

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other))

        def back():
            self.grad += out.grad
            other.grad += out.grad

        out._back = back
        return out

    __radd__ = __add__

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other))

        def back():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad

        out._back = back
        return out

    __rmul__ = __mul__

    def __pow__(self, k):
        out = Value(self.data**k, (self,))

        def back():
            self.grad += k * self.data ** (k - 1) * out.grad

        out._back = back
        return out

    def __neg__(self):
        return self * -1

    def __sub__(self, other):
        return self + (-other)

    def __rsub__(self, other):
        return other + (-self)

    def __truediv__(self, other):
        return self * other**-1

    def unary(self, value, local):
        out = Value(value, (self,))

        def back():
            self.grad += local(out.data) * out.grad

        out._back = back
        return out

    def backward(self):
        order, seen, stack = [], set(), [(self, False)]
        while stack:
            node, done = stack.pop()
            if done:
                order.append(node)
                continue
            if id(node) in seen:
                continue
            seen.add(id(node))
            stack.append((node, True))
            stack.extend((p, False) for p in node._prev)
        self.grad = 1.0
        for node in reversed(order):
            if node._back is not None:
                node._back()


def tanh(v):
    t = math.tanh(v.data)
    return v.unary(t, lambda out: 1 - out * out)


def relu(v):
    return v.unary(max(v.data, 0.0), lambda out: 1.0 if out > 0 else 0.0)


def exp(v):
    return v.unary(math.exp(v.data), lambda out: out)


def log(v):
    x = v.data
    return v.unary(math.log(x), lambda out: 1 / x)


FUNCTIONS = {"tanh": tanh, "relu": relu, "exp": exp, "log": log}
STATEMENT = re.compile(r"^\s*([A-Za-z_]\w*)\s*=\s*(.+?)\s*$")
NUMBER = re.compile(r"^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


def graph_lines(text):
    """The lines of the top-level `graph: |` block, and the `output:` name."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if re.match(r"^graph:\s*\|", line))
    block = []
    for line in lines[start + 1 :]:
        if line.strip() and not line[0].isspace():
            break
        block.append(line)
    output = re.search(r"^output:\s*(\S+)", text, re.M).group(1)
    return block, output


def check(path):
    with open(path, encoding="utf-8") as f:
        block, output = graph_lines(f.read())
    env = dict(FUNCTIONS)
    inputs = []
    for line in block:
        line = line.split("#", 1)[0]
        m = STATEMENT.match(line)
        if m is None:
            continue
        name, expr = m.groups()
        if NUMBER.match(expr):
            env[name] = Value(float(expr))
            inputs.append(name)
        else:
            env[name] = eval(expr, {"__builtins__": {}}, env)
    out = env[output]
    out.backward()
    print(f"{output} data {out.data!r} grad {out.grad!r}")
    for name in inputs[:3]:
        print(f"{name} data {env[name].data!r} grad {env[name].grad!r}")


def w2(path):
    """MLP(2,[16,16,1]) relu/linear, hinge loss + 1e-4 L2, as bench/mlp.ts: one SGD step, timed."""
    with open(path, encoding="utf-8") as f:
        spec = json.load(f)
    xs, labels, params = spec["x"], spec["label"], list(spec["params"])
    layers, steps = spec["layers"], spec["steps"]
    times, losses = [], []
    for _ in range(steps):
        began = time.perf_counter()
        p = [Value(v) for v in params]
        total = None
        for n, y in enumerate(labels):
            acts = [Value(xs[2 * n]), Value(xs[2 * n + 1])]
            at = 0
            for l in range(1, len(layers)):
                nxt = []
                for _j in range(layers[l]):
                    s = p[at + len(acts)]
                    for i, a in enumerate(acts):
                        s = s + p[at + i] * a
                    at += len(acts) + 1
                    nxt.append(relu(s) if l < len(layers) - 1 else s)
                acts = nxt
            hinge = relu(Value(1.0) - Value(y) * acts[0])
            total = hinge if total is None else total + hinge
        reg = p[0] * p[0]
        for v in p[1:]:
            reg = reg + v * v
        loss = total * Value(1 / len(labels)) + reg * Value(1e-4)
        loss.backward()
        params = [v.data - 0.1 * v.grad for v in p]
        times.append((time.perf_counter() - began) * 1000)
        losses.append(loss.data)
    times.sort()
    print(json.dumps({"median_ms": times[len(times) // 2], "first_loss": losses[0]}))


if __name__ == "__main__":
    sys.setrecursionlimit(10000)
    {"check": check, "w2": w2}[sys.argv[1]](sys.argv[2])
