a = [1, 2]
b = a
b.append(3)
b.extend((4, 5))
b.insert(0, 0)
b.insert(-1, 9)
b.insert(100, 7)
print(a, a is b, len(a))

# %%
layers_list = []
for filters in [32, 64, 128]:
    layers_list.append(("conv", filters))
    layers_list.append(("pool", 2))
print(layers_list)
print(layers_list.pop(), layers_list.pop(0), layers_list)

# %%
x = [3, 1, 2]
x.remove(1)
print(x, x.index(2), x.count(3))
x.remove(5)

# %%
[].pop()

# %%
[1].pop(4)

# %%
[1, 2].index(7)

# %%
[].append()

# %%
[].append(1, 2)

# %%
[].insert(1)

# %%
x = [1, 2, 3, 4, 5]
x[0] = 10
x[-1] = 50
x[1:3] = ["a", "b", "c"]
print(x)
del x[0]
del x[1:3]
print(x)
x[10] = 1

# %%
x = [1]
del x[5]

# %%
t = (1, 2)
t[0] = 5

# %%
s = "abc"
s[0] = "x"

# %%
t = (1, 2)
del t[0]

# %%
x = [1, 2]
x["a"] = 1

# %%
config = {"filters": 32}
alias = config
alias["kernel_size"] = 3
config.update({"padding": "same"}, strides=1)
config.update([("activation", "relu")])
print(config, len(config))
print(config.setdefault("filters", 64), config.setdefault("use_bias", False))
print(config.pop("use_bias"), config.pop("missing", None))
del config["strides"]
print(config, config.get("padding"), config.get("nope", 0))
print(list(config.keys()), list(config.values()))
for key, value in config.items():
    print(key, value)

# %%
d = {}
d["x"]

# %%
d = {"a": 1}
del d["b"]

# %%
d = {}
d.pop("k")

# %%
d = {}
d[[1]] = 2

# %%
d = {}
d.update(1)

# %%
d = {}
d.update([(1, 2, 3)])

# %%
counts = {}
for name in ["conv", "pool", "conv", "dense", "conv"]:
    counts[name] = counts.get(name, 0) + 1
print(counts)
counts["conv"] += 10
print(counts)

# %%
grid = [[0] * 3 for _ in range(2)]
grid[1][2] = 5
row = grid[0]
row.append(9)
print(grid)

# %%
def add_block(blocks, filters):
    blocks.append({"filters": filters})
    blocks[-1]["kernel"] = 3

model_blocks = []
add_block(model_blocks, 16)
add_block(model_blocks, 32)
print(model_blocks)

# %%
items = [1, 2]
more = items
more += [3]
print(items, more is items)
items += (4,)
print(more)

# %%
items = [1, 2]
more = items
more = more + [3]
print(items, more)

# %%
sizes = {name: 2 ** i for i, name in enumerate(["a", "b", "c"])}
print(sizes)
print({k: v for k, v in sizes.items() if v > 1})

# %%
print(sorted([3, 1, 2], reverse=True))
print(sorted(["bb", "a", "ccc"], key=len))
print(sorted([("b", 2), ("a", 2), ("c", 1)], key=lambda p: p[1]))
print(sorted([("b", 2), ("a", 2), ("c", 1)], key=lambda p: p[1], reverse=True))
print(min([3, -5, 2], key=abs), max(["x", "yyy", "zz"], key=len))
print(max([], default=7), min(4, 2, 8), max((1, "a"), (1, "b")))

# %%
sorted([1, "a"])

# %%
max([])

# %%
sorted([1], cmp=None)

# %%
x = [3, 1, 2]
x.sort()
y = x
y.reverse()
print(x, x.copy(), x.copy() is x)
x.clear()
print(y)

# %%
try:
    raise ValueError("bad kernel size")
except ValueError as error:
    print("caught:", error, repr(error), error.args)

# %%
try:
    raise KeyError("filters")
except LookupError as error:
    print(type(error).__name__ if False else "lookup", error)

# %%
def check(n):
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    return n
print(check(3))
check(-1)

# %%
raise RuntimeError

# %%
raise NotImplementedError("subclasses implement this")

# %%
raise TypeError("a", 1)

# %%
raise 5

# %%
raise

# %%
try:
    int("x")
except ValueError:
    try:
        raise
    except ValueError as again:
        print("again:", again)

# %%
try:
    raise ValueError("x") from None
except Exception as error:
    print(isinstance(error, ValueError), isinstance(error, KeyError), isinstance(error, Exception))

# %%
e = ValueError("made", 3)
print(e, repr(e), e.args)
print(repr(KeyError("k")), str(KeyError("k")), str(ValueError()))

# %%
count = 0
def bump():
    global count
    count += 1
    return count
bump()
bump()
print(count)

# %%
def outer():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    add(2)
    add(5)
    return total
print(outer())

# %%
def f():
    return undefined_name
f()

# %%
layres = 3
print(layers)

# %%
x = 1
del x
print(x)

# %%
def f():
    del y
f()

# %%
a = [1, 2]
b = [1, 2]
print(a == b, a is b, [a] == [b], {"k": a} == {"k": b})

# %%
nums = [5, 3]
alias = nums
nums.sort()
print(alias, sorted(nums) is nums)

# %%
base = {"padding": "same", "activation": "relu"}
conv = {**base, "filters": 32, "padding": "valid"}
print(conv, {"a": 1, "a": 2}, dict(base, strides=2))

# %%
{**[1]}

# %%
def build(**kwargs):
    kwargs["units"] = kwargs.get("units", 8)
    return kwargs
options = {"activation": "relu"}
print(build(**options), options)

# %%
print(f"{42:#x} {42:#X} {42:#o} {5:#b} {255:x} {-42:#x} {42:#010x} {3:08b} {65535:_x} {True:x}")
print("{:#x}|{:>8}|{:^9}|{:*<6}|{:+.2f}|{:,}".format(255, "r", "mid", "a", 3.14159, 1234567))

# %%
print(f"{42:,x}")

# %%
print(type(3), type("a").__name__, type([]) is list, type(ValueError("x")).__name__, ValueError)
print(list(enumerate(["a", "b"], start=1)), list(map(str, [1, 2])), list(filter(None, [0, 1, 2])))
def f():
    pass
print(f.__name__, (lambda: 0).__name__, len.__name__)

# %%
def units(config):
    try:
        return config["units"]
    except KeyError as error:
        print("missing:", error, repr(error), error.args, str(error))
        raise ValueError("config needs units") from error
try:
    units({"filters": 8})
except ValueError as error:
    print(repr(error), repr(error.__cause__), error.__suppress_context__)
    print(error.__context__ is error.__cause__, type(error).__name__, error.__class__.__name__)

# %%
try:
    {}["a"]
except KeyError:
    try:
        [][0]
    except IndexError as inner:
        print(repr(inner.__context__), inner.__cause__, inner.__suppress_context__)

# %%
try:
    try:
        int("x")
    except ValueError:
        raise TypeError("wrapped") from None
except TypeError as error:
    print(repr(error.__context__), error.__cause__, error.__suppress_context__)

# %%
try:
    raise ValueError("size", 3)
except ValueError as error:
    print(error.args, str(error), repr(error))
    caught = error
print(caught.args, caught.__class__.__name__, caught.__context__)

# %%
try:
    raise ValueError("first")
except ValueError as error:
    try:
        raise error
    except ValueError as again:
        print(again is error, again.__context__)

# %%
try:
    d = {"a": 1}
    d[("x", 2)]
except KeyError as error:
    print(error.args, repr(error), error)

# %%
def check(x):
    if x < 0:
        raise ValueError("negative")
    return x
try:
    check(-1)
except ValueError:
    raise RuntimeError("check failed")

# %%
try:
    raise KeyError("k")
except KeyError as e:
    raise ValueError("v") from e

# %%
raise ValueError("bad") from KeyError("missing")

# %%
try:
    try:
        x = 1
    except ValueError:
        print("wrong handler")
    else:
        int("bad")
except ValueError as e:
    print("outer caught", e)

# %%
def first_key(d):
    try:
        return list(d)[0]
    except IndexError:
        return None
    else:
        print("not reached after return")
    finally:
        print("finally runs")
print(first_key({"a": 1}), first_key({}))

# %%
try:
    try:
        {}["k"]
    finally:
        [][1]
except IndexError as e:
    print(repr(e), repr(e.__context__))

# %%
print(format(1234567, ","), format(0.125, ".1%"), format("x", ">4"), format(3.5), format(255, "#x"))

# %%
print("  a b  ".strip(), "xxhixx".strip("x"), "--a--".lstrip("-"), "--a--".rstrip("-"), "a,b,,c".split(",", 2))
print("l1\nl2\r\nl3\n".splitlines(), "l1\nl2\n".splitlines(True), " a  b c ".split(None, 1), "a b c".rsplit(" ", 1))
print("conv2d_1".startswith(("conv", "dense")), "x.h5".endswith((".h5", ".keras")), "abcabc".find("c"), "abcabc".rfind("c"))
print("abc".count("b"), "aaa".count("aa"), "ab".center(7, "*"), "ab".center(6), "7".zfill(3), "-7".zfill(4))
print("Dense".ljust(8, "."), "Dense".rjust(8), "dense_1".partition("_"), "a_b_c".rpartition("_"), "ab12".isalnum(), "12".isdigit())
print("conv".capitalize(), "block1_conv".removeprefix("block1_"), "model.h5".removesuffix(".h5"), "ABC".isupper(), "abc".islower())

# %%
"abc".index("z")

# %%
print("½".isdigit(), "Ⅻ".isalpha(), "²".isdigit(), "ab".isalpha(), "a1".isalnum(), "".isdigit(), " \t".isspace())

# %%
print("layers: " + 3)

# %%
print([1, 2] + (3,))

# %%
print((1, 2) + [3])

# %%
print(3 + "layers")

# %%
history = {"loss": [0.9, 0.5], "accuracy": [0.4, 0.7]}
print(history.keys())
print(history.values())
print(history.items())
print(type(history.keys()).__name__, len(history.keys()), "loss" in history.keys())
print(list(history.keys()), sorted(history.keys()), [k for k in history])
for key, value in history.items():
    print(key, value[-1])
print("{}".format(history.keys()), str(history.values()))

# %%
d = {"a": 1}
d.keys()[0]

# %%
d = {"a": 1}
d.values().append(2)

