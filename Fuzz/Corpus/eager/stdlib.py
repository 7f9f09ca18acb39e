import itertools
print(list(itertools.product([1, 2], "ab")))
print(list(itertools.product(range(2), repeat=3)))
print(list(itertools.product()))
print(list(itertools.product([1], [])))

# %%
import itertools
print(list(itertools.chain([1, 2], (3,), "xy")))
print(list(itertools.chain.from_iterable([[1], [2, 3], []])))
print(list(itertools.combinations("abcd", 2)))
print(list(itertools.combinations(range(3), 0)), list(itertools.combinations(range(2), 3)))
print(list(itertools.combinations_with_replacement("ab", 3)))
print(list(itertools.permutations([1, 2, 3])))
print(list(itertools.permutations("abc", 2)))

# %%
import itertools
for i, width in zip(itertools.count(1), [16, 32, 64]):
    print(i, width)
print(list(itertools.islice(itertools.count(10, 5), 3)))
print(list(itertools.islice("abcdefg", 2, None, 2)))
print(list(itertools.islice(range(10), 1, 7, 3)))
c = itertools.count(3)
print(next(c), next(c), c)
print(itertools.count(2.5, 0.5))

# %%
import itertools
print(list(itertools.accumulate([1, 2, 3, 4])))
print(list(itertools.accumulate([3, 1, 4, 1, 5], max)))
print(list(itertools.accumulate([1, 2, 3], lambda a, b: a * b, initial=10)))
print(list(itertools.zip_longest("abc", [1])))
print(list(itertools.zip_longest([1, 2], [3], fillvalue=0)))
print(list(itertools.repeat("x", 3)), list(zip(range(3), itertools.repeat(7))))
print(list(itertools.islice(itertools.cycle("ab"), 5)))

# %%
import itertools
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(itertools.filterfalse(None, [0, 1, "", "a"])))
print(list(itertools.pairwise([16, 32, 64, 128])))
print(list(itertools.compress("abcdef", [1, 0, 1, 0, 1, 1])))
for key, group in itertools.groupby("aaabccd"):
    print(key, list(group))
for key, group in itertools.groupby([1, 3, 2, 4, 5], key=lambda x: x % 2):
    print(key, list(group))

# %%
import itertools
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
next(it)

# %%
import itertools
list(itertools.combinations([1, 2], -1))

# %%
import itertools
itertools.product([1], repeat=-1)

# %%
import itertools
list(itertools.islice([1, 2, 3], -1))

# %%
from collections import namedtuple
Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x + p.y, p[0], p[-1], len(p), tuple(p), list(p))
x, y = p
print(x, y, p == (1, 2), p._fields, Point._fields, Point)
print(p._asdict(), p._replace(x=5), Point._make([3, 4]))
print(isinstance(p, tuple), isinstance(p, Point), type(p).__name__)
print(p.count(1), p.index(2), p[:1], sorted([Point(2, 1), Point(1, 5)]))

# %%
import collections
Conv = collections.namedtuple("Conv", ["filters", "kernel", "strides"], defaults=[3, 1])
print(Conv(32), Conv(64, 5), Conv(16, strides=2))
print(Conv._field_defaults)
d = {Conv(8): "small"}
print(d[Conv(8, 3, 1)])

# %%
from collections import namedtuple
P = namedtuple("P", "a b")
P(1)

# %%
from collections import namedtuple
P = namedtuple("P", "a b")
P(1, 2, 3)

# %%
from collections import namedtuple
P = namedtuple("P", "a b")
P(1, c=2)

# %%
from collections import namedtuple
P = namedtuple("P", "a b")
P(1, 2)._replace(c=3)

# %%
from collections import namedtuple
P = namedtuple("P", "a b")
p = P(1, 2)
p.a = 3

# %%
from collections import namedtuple
namedtuple("P", "a a")

# %%
from collections import namedtuple
namedtuple("P", "a _b")

# %%
from collections import namedtuple
namedtuple("P", "a class")

# %%
from collections import namedtuple
print(namedtuple("P", "a class _b a", rename=True)._fields)

# %%
from collections import OrderedDict, defaultdict, Counter, deque
od = OrderedDict()
od["b"] = 1
od["a"] = 2
print(od, OrderedDict(), OrderedDict([("x", 1)]), dict(od), list(od.items()))
od.move_to_end("b")
print(od, od.popitem(), od.popitem(last=False), od)
print(type(od).__name__, isinstance(od, dict), isinstance(od, OrderedDict))

# %%
from collections import defaultdict
groups = defaultdict(list)
for name, size in [("conv", 3), ("dense", 10), ("conv", 5)]:
    groups[name].append(size)
print(groups, groups["conv"], dict(groups))
counts = defaultdict(int)
for word in "a b a c a".split():
    counts[word] += 1
print(counts, counts.get("z"), "z" in counts, len(counts))
print(defaultdict(), defaultdict(int, {"a": 1}))
d = defaultdict()
d["x"]

# %%
from collections import Counter
c = Counter("abracadabra")
print(c)
print(c.most_common(2), c["z"], c["a"], c.total(), sorted(c.elements())[:6])
c.update("zz")
c.update({"a": -5})
print(c, Counter(), Counter({"x": 2, "y": 3}), Counter(a=1))
c.subtract(["b"])
print(c["b"], len(c), isinstance(c, dict), type(c).__name__)

# %%
from collections import deque
q = deque([1, 2, 3])
q.append(4)
q.appendleft(0)
print(q, q.pop(), q.popleft(), q, len(q), list(q), q[0], q[-1])
q.rotate(1)
print(q)
q.rotate(-2)
print(q, q.maxlen)
window = deque(maxlen=3)
for i in range(5):
    window.append(i)
print(window, sum(window), window.maxlen)
window.extendleft([9, 8])
print(window)
deque().pop()

# %%
import argparse
parser = argparse.ArgumentParser(description="demo")
parser.add_argument("--epochs", type=int, default=10)
parser.add_argument("--lr", type=float, default="0.01")
parser.add_argument("--optimizer", choices=["adam", "sgd"], default="adam")
parser.add_argument("--augment", action="store_true")
parser.add_argument("--no-bias", dest="bias", action="store_false")
parser.add_argument("--layers", type=int, nargs="+", default=[64, 32])
parser.add_argument("-v", "--verbose", action="count", default=0)
args = parser.parse_args([])
print(args)
print(vars(args))
args = parser.parse_args(["--epochs", "3", "--lr=0.5", "--augment", "--layers", "8", "16", "-vv", "--optimizer", "sgd"])
print(args, args.epochs * 2, args.layers)
args.epochs = 7
print(args.epochs, argparse.Namespace(a=1, b="x"))
print(parser.parse_known_args(["--epochs", "2", "--extra"]))

# %%
import argparse
p = argparse.ArgumentParser()
print(p.add_argument("--lr", type=float, default=0.1))
print(p.add_argument("--debug", action="store_true"))
print(p.add_argument("files", nargs="*"))
print(p.parse_args([]))
print(p.parse_args(["a", "b"]))

# %%
import json
config = {"filters": [32, 64], "dropout": 0.5, "name": "cnn", "use_bias": True, "pool": None}
print(json.dumps(config))
print(json.dumps(config, indent=2))
print(json.dumps(config, sort_keys=True, indent=4))
print(json.dumps([1, (2, 3), {}], separators=(",", ":")))
print(json.dumps({"b": 1, "a": {"d": [], "c": 2}}, indent=1, sort_keys=True))
print(json.dumps("héllo \"q\" \n\t"), json.dumps("héllo", ensure_ascii=False))
print(json.dumps({1: "one", 2.5: "x", True: "t", None: "n"}))
print(json.dumps(float("inf")), json.dumps(1e100), json.dumps(-0.0), json.dumps(10**20))

# %%
import json
text = '{"layers": [{"type": "Dense", "units": 10}], "lr": 1e-3, "ok": true, "x": null, "s": "a\\u00e9\\n"}'
data = json.loads(text)
print(data, data["layers"][0]["units"], type(data["lr"]).__name__)
print(json.loads("[1, 2.5, -3, 1E2, \"x\"]"), json.loads(" 7 "), json.loads("NaN"))
print(json.loads(json.dumps({"a": [1, {"b": None}]})))

# %%
import json
try:
    json.loads("")
except json.JSONDecodeError as error:
    print(isinstance(error, ValueError), error)

# %%
import json
try:
    json.loads('{"a": 1,}')
except json.JSONDecodeError as error:
    print(isinstance(error, ValueError), error)

# %%
import json
try:
    json.loads('[1, 2] x')
except json.JSONDecodeError as error:
    print(isinstance(error, ValueError), error)

# %%
import json
try:
    json.loads("{'a': 1}")
except json.JSONDecodeError as error:
    print(isinstance(error, ValueError), error)

# %%
import json
try:
    json.loads("[1,]")
except json.JSONDecodeError as error:
    print("bad:", error)
try:
    json.loads("tru")
except ValueError as error:
    print("bad:", error)

# %%
import json
json.dumps({(1, 2): 3})

# %%
import json
json.dumps({"a": {1, 2}})

# %%
import copy
cfg = {"units": 64, "sizes": [1, 2], "inner": {"k": [3]}}
shallow = copy.copy(cfg)
deep = copy.deepcopy(cfg)
cfg["sizes"].append(9)
cfg["inner"]["k"].append(4)
print(shallow, deep, cfg)
shared = [1]
pair = copy.deepcopy([shared, shared])
pair[0].append(2)
print(pair, copy.copy((1, [2])), copy.deepcopy("s"))

# %%
from typing import List, Tuple, Dict, Optional, Any, Union, Callable
Shape = Tuple[int, int, int]
print(Shape, List[int], Dict[str, Any], Optional[int], Union[int, str], Callable[[int], int])
def build(filters: List[int], shape: Shape = (32, 32, 3), name: Optional[str] = None) -> Dict[str, Any]:
    return {"filters": filters, "shape": shape, "name": name}
print(build([8, 16]))
from typing import cast
print(cast(int, "x"), List)

# %%
import string
import textwrap
print(string.ascii_lowercase, string.digits, string.capwords("hello  conv   net"))
print(textwrap.dedent("""
    first
      second
    third
"""))
print(textwrap.indent("a\n\nb\n", "> "))
print(textwrap.fill("The quick brown fox jumps over the lazy dog; a well-known pangram used to test typefaces.", width=24))
print(textwrap.wrap("short", 10), textwrap.shorten("Hello  world, this is a long sentence", width=20))

# %%
import sys
print(sys.argv[1:], sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 8))
print(sys.platform, sys.maxsize)
print("to stderr", file=sys.stderr)
sys.stdout.write("written\n")
print("done")

# %%
import logging
logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
log = logging.getLogger("train")
log.info("epochs=%d lr=%s", 3, 0.1)
log.debug("hidden")
print(log.getEffectiveLevel(), logging.getLogger("train") is log, log.isEnabledFor(logging.DEBUG))
print(logging.INFO, logging.getLevelName(30), logging.getLevelName("ERROR"))

# %%
import logging
import sys
logging.basicConfig(stream=sys.stdout, level="DEBUG")
logging.getLogger("model.build").debug("built %s with %d params", "cnn", 1234)
logging.warning("plain %s", "warning")
logging.getLogger("quiet").setLevel(logging.ERROR)
logging.getLogger("quiet.child").warning("not shown")
logging.getLogger("quiet.child").error("shown")
logging.info({"a": 1})

# %%
import logging
import sys
logging.basicConfig(stream=sys.stdout, format="[%(levelno)s] %(message)s")
log = logging.getLogger(__name__)
log.info("hidden")
log.warning("visible %d%%", 50)
logging.basicConfig(stream=sys.stdout, format="ignored %(message)s")
log.error("second config ignored")
logging.basicConfig(stream=sys.stdout, format="forced %(message)s", force=True)
log.error("now")

# %%
print("%s-%s" % (chr(97), ord("b")), divmod(17, 5), divmod(-7, 2), pow(2, 10), hex(255), bin(5), oct(8), callable(len), callable(3))
print("x".center(7, "*"), "ab".ljust(4) + "|", "ab".rjust(4), "7".zfill(3), "-7".zfill(4))
print(f"{3.14159:.2f} {1234567:,} {0.25:.1%} {'ab':>5}|{'ab':<5}|{'ab':^6}|{42:08.3f}|{255:x}|{1e-5:.2e}")
print(sorted(["conv", "bn", "dense"], key=len), sorted({"b": 2, "a": 1}.items(), key=lambda kv: kv[1], reverse=True))
print({k: v for k, v in zip("abc", range(3)) if v}, {n: n * n for n in range(4)})
print(1, 2, sep=", ", end="!\n")

# %%
from collections import namedtuple, OrderedDict, Counter
import itertools, json, logging, argparse
B = namedtuple("B", "filters kernel")
b = B(32, 3)
print("{0.filters}x{0.kernel}".format(b), "{b.filters}".format(b=b), f"{b.filters:>4}", f"{b}", f"{b!r}")
print(*b, sep="|")
print(dict(zip(b._fields, b)), {**b._asdict(), "x": 1})
d = OrderedDict(a=1)
d.update(b=2)
print(d, list(reversed(d)), d == {"a": 1, "b": 2})
c = Counter(["x", "y", "x"])
print(sorted(c.items()), c + Counter(["y"]) if False else "skip")
args = argparse.Namespace(lr=0.1)
print(getattr(args, "lr"), hasattr(args, "nope"), "lr" in vars(args))
print(list(map(lambda p: p[0] * p[1], itertools.product([1, 2], [3]))))
print(json.dumps(b), json.dumps(OrderedDict(z=1, a=2)), json.dumps(Counter("aab")))
print(list(enumerate(itertools.islice(itertools.count(), 3))), sum(itertools.repeat(2, 5)))
print(max(itertools.chain([1], [5, 2])), sorted(itertools.chain("ba", "c")), tuple(itertools.repeat(0, 2)))
print(len(list(itertools.permutations(range(4), 2))))

# %%
params = {"conv": 320, "dense": 5130, "bn": 64}
print(sorted(params, key=params.get), max(params, key=params.get), min(params.items(), key=lambda kv: kv[1]))
print({k: v for k, v in params.items() if v > 100}, {v: k for k, v in params.items()}, {k: 0 for k in "aba"})
print({**params, "conv": 1}, dict(params, extra=2), [k.upper() for k in params])
print("model".center(11, "-"), "x".ljust(3, "."), "7".rjust(3, "0"), "abc".title(), " a b ".strip().split(" "))
print(f"{'name':<10}|{12345:>8,}|{0.123456:8.3f}|{-5:+d}|{7:03d}|{0.5:.0%}|{1234.5:_.1f}|{3:b}|{255:#x}")
print("{:^9}".format("mid"), "{:*>6}".format(42), "%-6s|%5.1f|%03d|%x|%r" % ("ab", 2.345, 7, 255, "q"))
print(list(reversed([1, 2])), list(reversed(range(3))), sum([[1], [2]], []), divmod(7.5, 2), round(2.5), round(3.14159, 2))
print(str(1e16), repr(0.1 + 0.2), 10 / 4, 7 // -2, -7 % 3, 2 ** -1, int("0x1f", 16), int("101", 2), float("1e-3"))
print(isinstance(3, (int, float)), type(None).__name__, bool([]), any([]), all([]), abs(-0.0), max([], default=0))
print("a,b,,c".split(","), "a b".split(), "x=1".partition("="), ",".join(map(str, range(3))), "ab" * 2, "abc"[::-1])
print(sorted([3, 1, 2], reverse=True), sorted(["b", "A", "c"], key=str.lower), list(zip(*[(1, 2), (3, 4)])))

# %%
for t, b in [("0x1f", 0), ("1_000", 10), ("z", 36), ("010", 0), ("-0b101", 0), (" 42 ", 8), ("9", 8), ("_1", 10), ("ff", 16)]:
    try:
        print(int(t, b))
    except ValueError as e:
        print(e)

# %%
import logging
from collections import Counter, deque
log = logging.getLogger("net")
print(log, logging.getLogger(), log.getChild("head"), log.getChild("head") is logging.getLogger("net.head"))
log.setLevel(logging.DEBUG)
print(log, [log])
a, b = Counter("aab"), Counter("bcc")
print(a + b, a - b, b - a, Counter() + Counter())
print(deque([1, 2, 3])[1:])

# %%
names = ["conv", "dense"]
print(dict.fromkeys(names), dict.fromkeys(names, 0), sorted(["b", "A"], key=str.lower), list(map(str.upper, names)))
print(str.join("-", names), list(dict.items({"a": 1})), list.count([1, 1, 2], 1))

