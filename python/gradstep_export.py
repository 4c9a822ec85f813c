"""Write a micrograd-style Value graph as a gradstep scenario, with the grads your backward() left.

    from gradstep_export import export
    loss.backward()
    export(loss, "mine.yaml")      # then, in a terminal: gradstep check mine.yaml

Standard library only, Python 3.8+. It reads the attributes micrograd's Value has: data, grad,
_prev (the operands), _op (the op string) and, when present, label. Every Value becomes one node
of the scenario, so gradstep sees micrograd's own graph shape (a - b is a + b * -1 when your Value
builds it that way). The data and grad of every node go into an `observed:` block, which
`gradstep check` compares with the values gradstep computes itself.

Get this file with `gradstep python-helper > gradstep_export.py`.
"""

import json
import math
import re
import warnings

__all__ = ["export", "to_scenario", "ExportWarning"]


class ExportWarning(UserWarning):
    """Something in the graph the export could only approximate (an unknown op, say)."""


_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# YAML readers take these bare words as booleans or null, so they are quoted as keys.
_YAML_WORDS = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"}
_INFIX = {"+": "+", "*": "*", "-": "-", "/": "/"}
_CALLS = {"relu": "relu", "tanh": "tanh", "exp": "exp", "log": "log", "sigmoid": "sigmoid"}


def export(root, path=None, title=None):
    """Write the graph that ends at `root` to `path` (a .yaml file); return the scenario text."""
    text = to_scenario(root, title)
    if path is not None:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    return text


def to_scenario(root, title=None):
    """The scenario text of the graph that ends at `root`."""
    plans = {}
    order = _topological(root, plans)
    names = _names(order, root)
    lines = []
    for index, value in enumerate(order):
        plan = plans[id(value)]
        name = names[id(value)]
        statement = "{} = {}".format(name, _expression(plan, value, names))
        notes = plan["notes"] + _label_note(value, name)
        lines.append(statement + ("   # " + "; ".join(notes) if notes else ""))
        for note in plan["warn"]:
            warnings.warn("{}: {}".format(name, note), ExportWarning, stacklevel=3)
    output = names[id(root)]
    head = [
        "# Exported by gradstep_export.py: one node per Python Value, with the data and grad it held.",
        "# gradstep check FILE compares them with gradstep's; gradstep FILE steps through.",
        "title: " + json.dumps(title or "{} from Python".format(output), ensure_ascii=False),
        "graph: |",
    ]
    observed = ["observed:", "  nodes:"]
    for value in order:
        observed.append("    {}: {}".format(_key(names[id(value)]), _observation(value, plans)))
    body = head + ["  " + line for line in lines] + ["output: " + _key(output)] + observed
    return "\n".join(body) + "\n"


def _topological(root, plans):
    """Operands before their consumers, without recursion (a deep chain must not hit its limit)."""
    order = []
    plans[id(root)] = _plan(root)
    stack = [(root, iter(plans[id(root)]["operands"]))]
    while stack:
        value, operands = stack[-1]
        for operand in operands:
            if id(operand) not in plans:
                plans[id(operand)] = _plan(operand)
                stack.append((operand, iter(plans[id(operand)]["operands"])))
                break
        else:
            stack.pop()
            order.append(value)
    return order


def _plan(value):
    """How one Value becomes a node: its gradstep op, operands in order, exponent and notes."""
    op = str(getattr(value, "_op", "") or "")
    prev = getattr(value, "_prev", ()) or ()
    # A set (micrograd's _prev) has no order and holds x once in x * x; a list or tuple keeps both.
    ordered = isinstance(prev, (list, tuple))
    children = list(prev)
    plan = {"op": None, "operands": [], "k": None, "notes": [], "warn": []}
    if op == "" and not children:
        if not math.isfinite(_float(getattr(value, "data", math.nan))):
            plan["warn"].append("an input that is not a finite number: gradstep cannot load it")
        return plan
    out = _float(getattr(value, "data", math.nan))
    if op in _INFIX and 1 <= len(children) <= 2:
        return _infix(plan, op, children, ordered, out)
    if op.lower() in _CALLS and len(children) == 1:
        return dict(plan, op=_CALLS[op.lower()], operands=children)
    if op.startswith("**") and len(children) == 1 and _exponent(op[2:]) is not None:
        return dict(plan, op="**", operands=children, k=_exponent(op[2:]))
    what = "unknown op {} with {} operand(s)".format(json.dumps(op), len(children))
    message = what + ": exported as an input holding its data; nothing below it is checked"
    return dict(plan, op="?", notes=[what], warn=[message])


def _infix(plan, op, children, ordered, out):
    if len(children) == 1:
        child = children[0]
        # micrograd-style '-' on one Value is negation when its data says so; else it is x - x.
        if op == "-" and _close(out, -_float(child.data)) and _float(child.data) != 0:
            return dict(plan, op="neg", operands=children)
        return dict(plan, op=op, operands=[child, child])
    if op in "+*" or ordered:
        return dict(plan, op=op, operands=children)
    # a - b and a / b: the order whose result is nearer the data the Value holds.
    a, b = children
    x, y = _float(a.data), _float(b.data)
    forward = _apply(op, x, y)
    swapped = _apply(op, y, x)
    if _distance(swapped, out) < _distance(forward, out):
        a, b = b, a
    elif forward == swapped or (math.isnan(forward) and math.isnan(swapped)):
        note = "operand order unknown: both orders give {}".format(_num(out))
        return dict(plan, op=op, operands=[a, b], notes=[note], warn=[note])
    return dict(plan, op=op, operands=[a, b])


def _apply(op, x, y):
    try:
        return x - y if op == "-" else x / y
    except ZeroDivisionError:
        return math.copysign(math.inf, x) if x != 0 else math.nan


def _distance(x, y):
    if x == y:
        return 0.0
    d = abs(x - y)
    return math.inf if math.isnan(d) else d


def _close(x, y):
    return x == y or abs(x - y) <= 1e-12 * max(abs(x), abs(y))


def _exponent(text):
    """The k of a '**k' op string, or None when it is not a number (a Value exponent, say)."""
    try:
        k = float(text)
    except ValueError:
        return None
    return k if math.isfinite(k) else None


def _float(x):
    try:
        return float(x)
    except (TypeError, ValueError):
        return math.nan


def _names(order, root):
    """Each Value's node name: its label where valid and unique, else v<N> (N: its place in order)."""
    labels = [_label(v) for v in order]
    valid = [label if _NAME.match(label) else None for label in labels]
    taken = set(label for label in valid if label is not None)
    names, used = {}, set()
    for index, value in enumerate(order):
        label = valid[index]
        if label is not None and label not in used:
            name = label
        else:
            base = label or ("out" if value is root else "v{}".format(index))
            name = base if base not in taken and base not in used else _fresh(base, taken | used)
        used.add(name)
        names[id(value)] = name
    return names


def _fresh(base, taken):
    n = 2
    while "{}_{}".format(base, n) in taken:
        n += 1
    return "{}_{}".format(base, n)


def _label(value):
    label = getattr(value, "label", "")
    return label if isinstance(label, str) else ""


def _label_note(value, name):
    label = _label(value)
    if label == "" or label == name:
        return []
    return ["label {}".format(json.dumps(label.replace("\n", " "), ensure_ascii=False))]


def _expression(plan, value, names):
    op = plan["op"]
    if op is None or op == "?":
        return _num(_float(value.data))
    args = [names[id(v)] for v in plan["operands"]]
    if op == "neg":
        return "-" + args[0]
    if op == "**":
        return "{} ** {}".format(args[0], _num(plan["k"]))
    if op in _INFIX:
        return "{} {} {}".format(args[0], op, args[1])
    return "{}({})".format(op, args[0])


def _observation(value, plans):
    fields = ["data: " + _yaml_number(_float(value.data))]
    fields.append("grad: " + _yaml_number(_float(getattr(value, "grad", math.nan))))
    if plans[id(value)]["op"] == "?":
        fields.append("op: " + json.dumps(str(value._op), ensure_ascii=False))
    return "{" + ", ".join(fields) + "}"


def _num(x):
    """A number as gradstep reads it: integral values without '.0', repr (which round-trips) else."""
    if math.isfinite(x) and x == int(x) and abs(x) < 1e15 and not (x == 0 and math.copysign(1, x) < 0):
        return str(int(x))
    return repr(x)


def _yaml_number(x):
    if math.isnan(x):
        return '"nan"'
    if math.isinf(x):
        return '"inf"' if x > 0 else '"-inf"'
    return repr(x)


def _key(name):
    return json.dumps(name) if name.lower() in _YAML_WORDS else name
