from functools import reduce
import functools
print(reduce(lambda a, b: a * b, [1, 2, 3, 4]))
print(reduce(lambda a, b: a + b, [], 10), reduce(lambda a, b: a + b, "abc"))
print(functools.reduce(max, (3, 9, 2), 0), reduce(lambda a, b: a + [b], range(3), []))

# %%
from functools import reduce
def compose(*funcs):
    return reduce(lambda f, g: lambda *a, **kw: g(f(*a, **kw)), funcs)
double_then_inc = compose(lambda x: x * 2, lambda x: x + 1, str)
print(repr(double_then_inc(5)))

# %%
from functools import reduce
reduce(lambda a, b: a, [])

# %%
from functools import reduce
reduce(lambda a, b: a)

# %%
from functools import reduce
reduce(lambda a, b: a, 5)

# %%
from functools import reduce
reduce(lambda a, b: a, [1], 2, 3)

# %%
from functools import reduce
reduce(lambda a, b: a, [1], initial=3)

# %%
from functools import reduce
reduce(lambda a: a, [1, 2])

# %%
from functools import wraps
def logged(f):
    @wraps(f)
    def inner(*args, **kwargs):
        """The wrapper."""
        print("calling", f.__name__)
        return f(*args, **kwargs)
    return inner
@logged
def build(n, scale=2):
    """Builds a size."""
    return n * scale
print(build(4), build(3, scale=3))
print(build.__name__, build.__qualname__, build.__doc__, build.__module__)
print(build.__wrapped__.__name__, build.__wrapped__(1))

# %%
import functools
def base():
    pass
def other():
    "Other's doc."
functools.update_wrapper(other, base)
print(other.__name__, other.__doc__, other.__wrapped__ is base)
def f():
    pass
f.calls = 3
print(f.calls, f.__doc__, f.__name__)

# %%
from functools import wraps
wraps()

# %%
from functools import wraps
@wraps
def f():
    pass
print(type(f).__name__, f.func.__name__, f.keywords["wrapped"].__name__)

# %%
import os
print(os.path.basename(os.path.join(os.getcwd(), "saved_models")))
print(os.path.split("a/b/c.h5"), os.path.split("c.h5"), os.path.split("/c.h5"), os.path.split("a//b/"))
print(os.path.normpath("a//b/./c/../d"), os.path.normpath("../../x"), os.path.normpath("/../x/"), os.path.normpath(""))
print(os.path.normpath("//a/b"), os.path.normpath("///a/b"), os.path.isabs("/a"), os.path.isabs("a"))
print(os.path.abspath("/tmp/../ckpt"), os.curdir, os.pardir)

# %%
import os
os.getcwd(1)

# %%
if (n := len([1, 2, 3])) > 2:
    print("long", n)
sizes = [y for x in [1, 2, 3] if (y := x * 16) > 16]
print(sizes, y)
print((total := 10) + 1, total)
def f(values):
    while (item := values.pop()) != 0:
        print("got", item)
    return item
print(f([0, 4, 5]))

# %%
a, *rest = [1, 2, 3]
*init, last = "abc"
first, *middle, end = range(5)
x, *y = (9,)
print(a, rest, init, last, first, middle, end, x, y)
for head, *tail in [(1, 2, 3), (4,)]:
    print(head, tail)
print([t for h, *t in [[1, 2], [3]]])

# %%
a, *b, c = [1]

# %%
print("banana".count("a", 2), "banana".count("an", -4), "banana".count("", 2), "banana".count("", 7))
print("banana".count("", 4, 2), "banana".count("a", None, 3))
print("banana".find("a", 2), "banana".find("a", 2, 3), "banana".find("", 6), "banana".find("", 7))
print("banana".rfind("a", 0, 4), "banana".index("n", 3), "banana".rindex("n", 0, -1), "banana".find("na", -2))
print("".count(""), "abc".count("", 1, 2), "Hello World".swapcase())

# %%
"banana".index("n", 5)

# %%
"banana".find("n", "1")

# %%
l = [3, 1, 4, 1, 5, 1]
print(l.index(1), l.index(1, 2), l.index(1, -2), l.index(5, 0, 5), l.count(1))

# %%
[3, 1, 4].index(1, 2)

# %%
print(pow(3, 4, 5), pow(-3, 3, 7), pow(3, 3, -7), pow(2, -1, 7), pow(5, 0, 1), pow(2, 100, 10**20 + 1))

# %%
pow(2, -1, 4)

# %%
pow(2, 3, 0)

# %%
pow(2.0, 3, 5)

# %%
def numbers():
    print("evaluating")
    return [1, 2, 3]
g = (print("element", x) or x for x in numbers())
print("made", type(g).__name__)
print(next(g))
print(sum(g))
print(list(g))

# %%
def pairs():
    return ((i, j) for i in range(3) for j in range(i) if (i + j) % 2)
print(list(pairs()))
widths = [16, 32]
g = (w * 2 for w in widths)
widths.append(64)
print(list(g), max(w for w in widths), ",".join(str(w) for w in widths))
print(any(w > 40 for w in widths), all(w > 8 for w in widths), tuple(w // 16 for w in widths))
print(sorted((w for w in widths), reverse=True), dict((w, w // 8) for w in widths), set(w % 3 for w in widths))

# %%
g = (1 / x for x in [1, 0])
print(next(g))
print(next(g))

# %%
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2 >= 1, 1 < 2 > 1.5, "a" < "b" <= "b" != "c")
def f(x):
    print("f", x)
    return x
print(f(1) < f(2) < f(0) < f(5))
print(divmod(17, 5), divmod(-7, 2), divmod(7.5, 2), hex(255), oct(8), bin(-5), chr(65), ord("a"))
print("{:>8}|{:_}|{!r}|{:^9.3f}|{:+d}|{:08.2f}|{:%}".format("ab", 10**6, "q", 3.14159, 5, -3.5, 0.25))
x = 1234.5678
print(f"{x:>12,.1f}|{x:<10.0f}|{x!r:>12}|{'s'!s:3}|{7:b}|{255:#o}|{0.000123:.2e}|{12:*^8}|{-3:=6}")

# %%
config = {"filters": 32}
keys, values, items = config.keys(), config.values(), config.items()
config["kernel"] = 3
print(keys, values, items, len(keys), "kernel" in keys, ("kernel", 3) in items)
print(list(keys), sorted(values), keys - {"filters"}, keys & {"kernel", "x"}, keys == {"filters", "kernel"})
del config["filters"]
print(keys, list(items), [k for k in keys], tuple(values))
it = iter(config.keys())
config["units"] = 10
print(type(keys).__name__, type(items).__name__, max(keys), " ".join(keys))

# %%
class Size:
    def __init__(self, value):
        self.value = value
    def __eq__(self, other):
        return isinstance(other, Size) and self.value == other.value
    def __lt__(self, other):
        return self.value < other.value
    def __add__(self, other):
        return Size(self.value + (other.value if isinstance(other, Size) else other))
    def __radd__(self, other):
        return Size(other + self.value)
    def __mul__(self, factor):
        return Size(self.value * factor)
    def __repr__(self):
        return f"Size({self.value})"
print(Size(2) == Size(2), Size(2) != Size(3), Size(1) < Size(2), Size(3) > Size(2), Size(1) == 1)
print(Size(2) + Size(3), Size(2) + 4, 10 + Size(1), Size(3) * 2)
s = Size(1)
s += Size(4)
s *= 3
print(s, sorted([Size(3), Size(1), Size(2)]), min(Size(5), Size(4)), max([Size(1), Size(7)]), sum([Size(1), Size(2)], Size(0)))

# %%
class Plain:
    pass
Plain() + 1

# %%
class Plain:
    pass
Plain() < Plain()

# %%
import copy
class Config:
    def __init__(self):
        self.widths = [16, 32]
        self.name = "cnn"
base = Config()
shallow = copy.copy(base)
deep = copy.deepcopy(base)
shallow.name = "other"
base.widths.append(64)
print(base.name, shallow.name, shallow.widths, deep.widths, shallow is base, vars(deep))

# %%
import re
m = re.match(r"conv(\d+)_(\w+)", "conv12_relu extra")
print(m, m.group(), m.group(1), m.group(1, 2), m.groups(), m.span(2), m.start(), m.end(1), m[2])
print(re.search(r"\d+", "layer 42 of 7"), re.search("x", "abc"), re.fullmatch(r"[a-z_]+\d?", "dense_1"), re.fullmatch("a", "ab"))
print(re.findall(r"\d+", "conv3x3 filters 64 128"), re.findall(r"(\w+)=(\d+)", "a=1, b=22"), re.findall(r"(\d)x\d", "3x3 5x5"))
print(re.sub(r"\s+", " ", "  too   many  spaces "), re.sub(r"(\w+)_(\d+)", r"\2-\1", "conv_1 dense_2"), re.subn("a", "b", "banana"))
print(re.split(r"[,;]\s*", "16, 32;64,128"), re.split(r"(,)", "a,b"), re.split(r"\s+", "a b  c", maxsplit=1))

# %%
import re
pattern = re.compile(r"(?P<kind>[a-z]+)_(?P<index>\d+)", re.IGNORECASE)
print(pattern, pattern.pattern, pattern.groups, pattern.groupindex)
m = pattern.match("Conv_7")
print(m.group("kind"), m.groupdict(), m["index"], m.lastindex, m.re is pattern, m.string)
print([x.group(0) for x in pattern.finditer("conv_1, Pool_2, dense_10")])
print(pattern.sub(lambda m: m.group("kind").upper() + m.group("index"), "conv_1 and pool_2"))
print(pattern.search("xx dense_3 yy").span(), pattern.fullmatch("dense_3 ") is None)

# %%
import re
print(re.sub("x*", "-", "abxd"), re.split("x*", "axbc"), re.findall(r"\b\w", "hello big world"), re.findall("", "ab"))
print(re.sub(r"^", "> ", "a\nb", flags=re.M), re.findall(r"^\w", "a\nb\nc", re.MULTILINE), re.findall(r"a.c", "a\nc abc", re.S))
print(re.match(r"(a|ab)(c|bcd)(d*)", "abcd").groups(), re.match(r"(a+?)(a*)", "aaa").groups(), re.match(r"a{2,3}", "aaaa").group())
print(re.match(r"(\w+) \1", "hey hey you").group(), re.search(r"(?<=-)\w+", "spam-egg").group(), re.search(r"\d+(?!px)", "12px 34em").group())
print(re.escape("conv2d.kernel[0]+1"), re.match(r"(a)|(b)", "b").groups(), re.match(r"(a)|(b)", "b").groups("-"))
print(re.findall(r"[^a-c\d]", "abc1d2e"), re.findall(r"[\w.-]+@\w+", "x.y-z@host"), re.search(r"\s(\S+)$", "a bc").group(1))

# %%
import re
try:
    re.compile("(abc")
except re.error as error:
    print("error:", error)
for bad in ["a)", "*a", "[a-", "a**", r"\q", "[z-a]", r"(a)\2", "x{3,2}"]:
    try:
        re.compile(bad)
    except re.error as error:
        print(repr(bad), error)

# %%
import re
re.match(5, "a")

# %%
import re
re.search("a", 5)

# %%
import re
try:
    re.sub("(a)", r"\2", "a")
except re.error as error:
    print("re.error:", error, isinstance(error, Exception))

# %%
import re
m = re.match("a", "a")
m.group(3)

# %%
import re
print(re.I, str(re.I), repr(re.I | re.M), f"{re.M}", re.I & 2, re.I + 1, type(re.I).__name__, re.NOFLAG, re.I | 0, [re.X])
print(re.compile("a", re.I | re.S).flags, re.compile("A", re.I | re.S), re.findall("a", "AaA", flags=re.IGNORECASE))

