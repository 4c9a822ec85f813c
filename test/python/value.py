"""A micrograd-compatible Value, written for gradstep's exporter tests.

It has the attributes micrograd's Value has (data, grad, _prev as a set, _op) plus the lecture's
label, and builds - and / the way micrograd does (through +, * and **). Variants below change one
thing each. BUGS plants a wrong backward in one op, so the tests can ask `gradstep check` where.
"""

import math

BUGS = set()


class Value:
    def __init__(self, data, _children=(), _op="", label=""):
        self.data = data
        self.grad = 0.0
        self._backward = lambda: None
        self._prev = self._operands(_children)
        self._op = _op
        self.label = label

    def _operands(self, children):
        return set(children)

    @classmethod
    def lift(cls, x):
        return x if isinstance(x, Value) else cls(x)

    def _new(self, data, children, op):
        return type(self)(data, children, op)

    def __add__(self, other):
        other = self.lift(other)
        out = self._new(self.data + other.data, (self, other), "+")

        def _backward():
            if "+" in BUGS:  # '=' where '+=' belongs: a Value used twice loses a contribution
                self.grad = out.grad
                other.grad = out.grad
            else:
                self.grad += out.grad
                other.grad += out.grad

        out._backward = _backward
        return out

    def __mul__(self, other):
        other = self.lift(other)
        out = self._new(self.data * other.data, (self, other), "*")

        def _backward():
            mine = self.data if "*" in BUGS else other.data
            self.grad += mine * out.grad
            other.grad += self.data * out.grad

        out._backward = _backward
        return out

    def __pow__(self, k):
        out = self._new(self.data**k, (self,), "**{}".format(k))

        def _backward():
            power = k if "**" in BUGS else k - 1
            self.grad += k * self.data**power * out.grad

        out._backward = _backward
        return out

    def _unary(self, data, op, local):
        out = self._new(data, (self,), op)

        def _backward():
            self.grad += local(out) * out.grad

        out._backward = _backward
        return out

    def relu(self):
        local = (lambda o: 1.0) if "ReLU" in BUGS else (lambda o: float(o.data > 0))
        return self._unary(0 if self.data < 0 else self.data, "ReLU", local)

    def tanh(self):
        square = 1 if "tanh" in BUGS else 2
        return self._unary(math.tanh(self.data), "tanh", lambda o: 1 - o.data**square)

    def exp(self):
        x = self.data
        return self._unary(math.exp(x), "exp", lambda o: x if "exp" in BUGS else o.data)

    def sigmoid(self):
        s = 1 / (1 + math.exp(-self.data))
        local = (lambda o: o.data) if "sigmoid" in BUGS else (lambda o: o.data * (1 - o.data))
        return self._unary(s, "sigmoid", local)

    def log(self):
        x = self.data
        return self._unary(math.log(x), "log", lambda o: x if "log" in BUGS else 1 / x)

    def backward(self):
        # Iterative, so a deep chain does not reach Python's recursion limit.
        topo, seen, stack = [], set(), [(self, False)]
        while stack:
            v, done = stack.pop()
            if done:
                topo.append(v)
            elif v not in seen:
                seen.add(v)
                stack.append((v, True))
                stack.extend((c, False) for c in v._prev)
        self.grad = 1.0
        for v in reversed(topo):
            v._backward()

    def __neg__(self):
        return self * -1

    def __radd__(self, other):
        return self + other

    def __sub__(self, other):
        return self + (-other)

    def __rsub__(self, other):
        return other + (-self)

    def __rmul__(self, other):
        return self * other

    def __truediv__(self, other):
        return self * other**-1

    def __rtruediv__(self, other):
        return other * self**-1


class LectureValue(Value):
    """Lecture followers' additions: '-' and '/' as ops of their own."""

    def __sub__(self, other):
        other = self.lift(other)
        out = self._new(self.data - other.data, (self, other), "-")

        def _backward():
            self.grad += out.grad
            other.grad += (1.0 if "-" in BUGS else -1.0) * out.grad

        out._backward = _backward
        return out

    def __truediv__(self, other):
        other = self.lift(other)
        out = self._new(self.data / other.data, (self, other), "/")

        def _backward():
            self.grad += out.grad / other.data
            sign = 1.0 if "/" in BUGS else -1.0
            other.grad += sign * self.data / other.data**2 * out.grad

        out._backward = _backward
        return out


class Reversed(set):
    """A set that lists its members in the reverse of the order given, as a set may."""

    def __init__(self, items=()):
        super().__init__(items)
        self.order = list(dict.fromkeys(items))[::-1]

    def __iter__(self):
        return iter(self.order)


class ReversedValue(LectureValue):
    def _operands(self, children):
        return Reversed(children)


class TupleValue(LectureValue):
    """_prev as the tuple of operands, in order and with repeats (x * x holds x twice)."""

    def _operands(self, children):
        return tuple(children)


class PlainValue(Value):
    """micrograd's own Value has no label."""

    def __init__(self, data, _children=(), _op="", label=""):
        super().__init__(data, _children, _op)
        del self.label
