"""A tiny micrograd written for the tests: Value, Neuron, Layer, MLP as in micrograd, trained the
lecture's way. Reads a JSON spec on stdin, prints JSON: the initial parameters, then per iteration
the loss of its forward pass, the parameters' grads and the parameters after the update."""
import json
import math
import random
import sys


class Value:
    def __init__(self, data, children=()):
        self.data = data
        self.grad = 0.0
        self._backward = lambda: None
        self._prev = list(children)

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other))
        def _backward():
            self.grad += out.grad
            other.grad += out.grad
        out._backward = _backward
        return out

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other))
        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out._backward = _backward
        return out

    def __pow__(self, k):
        out = Value(self.data ** k, (self,))
        def _backward():
            self.grad += (k * self.data ** (k - 1)) * out.grad
        out._backward = _backward
        return out

    def tanh(self):
        out = Value(math.tanh(self.data), (self,))
        def _backward():
            self.grad += (1 - out.data ** 2) * out.grad
        out._backward = _backward
        return out

    def relu(self):
        out = Value(0 if self.data < 0 else self.data, (self,))
        def _backward():
            self.grad += (out.data > 0) * out.grad
        out._backward = _backward
        return out

    def __neg__(self): return self * -1
    def __radd__(self, other): return self + other
    def __sub__(self, other): return self + (-other)
    def __rmul__(self, other): return self * other

    def backward(self):
        topo, seen = [], set()
        def build(v):
            if id(v) not in seen:
                seen.add(id(v))
                for c in v._prev:
                    build(c)
                topo.append(v)
        build(self)
        self.grad = 1.0
        for v in reversed(topo):
            v._backward()


class Neuron:
    def __init__(self, nin, nonlin, act):
        self.w = [Value(random.uniform(-1, 1)) for _ in range(nin)]
        self.b = Value(0)
        self.nonlin, self.act = nonlin, act

    def __call__(self, x):
        a = sum((wi * xi for wi, xi in zip(self.w, x)), self.b)
        if not self.nonlin:
            return a
        return a.tanh() if self.act == 'tanh' else a.relu()

    def parameters(self): return self.w + [self.b]


class MLP:
    # micrograd's MLP leaves its last layer linear under relu; a lone Layer or Neuron keeps relu.
    def __init__(self, sizes, act, lone):
        n = len(sizes) - 1
        def nonlin(i):
            if act == 'linear':
                return False
            return act == 'tanh' or lone or i != n - 1
        self.layers = [[Neuron(sizes[i], nonlin(i), act) for _ in range(sizes[i + 1])]
                       for i in range(n)]

    def __call__(self, x):
        for layer in self.layers:
            x = [n(x) for n in layer]
        return x

    def parameters(self): return [p for layer in self.layers for n in layer for p in n.parameters()]


def main():
    spec = json.load(sys.stdin)
    random.seed(spec['seed'])
    model = MLP(spec['mlp'], spec['activation'], spec.get('form', 'mlp') != 'mlp')
    params = model.parameters()
    out = {'init': [p.data for p in params], 'iterations': []}
    for _ in range(spec['steps']):
        # One (score, target) pair per sample and output, samples first.
        pairs = [(s, t) for x, y in zip(spec['x'], spec['y'])
                 for s, t in zip(model(x), y if isinstance(y, list) else [y])]
        if spec['loss'] == 'hinge':
            terms = [(1 + -t * s).relu() for s, t in pairs]
            loss = sum(terms) * (1.0 / len(terms))
        else:
            loss = sum((s - t) ** 2 for s, t in pairs)
        for p in params:
            p.grad = 0.0
        loss.backward()
        grads = [p.grad for p in params]
        for p in params:
            p.data += -spec['lr'] * p.grad
        out['iterations'].append({'loss': loss.data, 'grads': grads, 'params': [p.data for p in params]})
    print(json.dumps(out))


main()
