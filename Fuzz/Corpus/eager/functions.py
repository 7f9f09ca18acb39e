def make_model(input_shape, num_classes=10):
    return (input_shape, num_classes)
print(make_model((28, 28, 1)))
print(make_model((32, 32, 3), num_classes=100))
print(make_model(num_classes=2, input_shape=(8,)))

# %%
def conv_block(x, filters, *args, kernel_size=3, **kwargs):
    return [x, filters, args, kernel_size, sorted(kwargs.items())]
print(conv_block(1, 32))
print(conv_block(1, 32, 5, 6, kernel_size=5, padding="same", strides=2))
options = {"padding": "valid"}
print(conv_block(*[2, 64], **options))

# %%
def g(a, b, c=1, *args, k, **kw):
    pass
g()

# %%
def g(a, b, c=1, *args, k, **kw):
    pass
g(1, 2)

# %%
def g(a, b, c=1, *args, k, **kw):
    pass
g(1, 2, k=1, a=3)

# %%
def h(a, b=2):
    pass
h(1, 2, 3)

# %%
def h(a, b=2):
    pass
h(1, z=2)

# %%
def m():
    pass
m(1)

# %%
def outer():
    def inner(x):
        pass
    return inner
outer()(1, 2)

# %%
(lambda x: x)()

# %%
def counter():
    count = 0
    def add(n):
        return count + n
    return add
add = counter()
print(add(5), add(7))

# %%
def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)
print(factorial(30))

# %%
def forever(n):
    return forever(n + 1)
forever(0)

# %%
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(15)])

# %%
square = lambda x, power=2: x ** power
print(square(3), square(2, power=10), (lambda: "none")())

# %%
filters = [32, 64, 128]
total = 0
i = 0
while i < len(filters):
    if filters[i] == 64:
        i += 1
        continue
    total += filters[i]
    i += 1
print(total)

# %%
n = 0
while True:
    n += 1
    if n > 10:
        break
print(n)

# %%
def first_big(values):
    for v in values:
        if v > 50:
            return v
    return None
print(first_big([10, 60, 70]), first_big([1, 2]))

# %%
assert 1 + 1 == 2, "math"
print("ok")

# %%
x = 3
assert x > 5, f"x is {x}"

# %%
assert [], 

# %%
assert False

# %%
def f():
    return
print(f())

# %%
def no_body_yet():
    pass
print(no_body_yet(), no_body_yet.__name__ if False else "skip")

# %%
def add(a, b):
    return a + b
print(add(2**62, 2**62))

# %%
def f(x):
    y = x * 2
    return y
y = 1
print(f(5), y)

# %%
return 5

# %%
for i in range(3):
    pass
break

# %%
def f(a, a):
    pass

# %%
def f(a=1, b):
    pass

# %%
def main():
    print("built")
if __name__ == "__main__":
    main()
print(__name__)

# %%
print("%d" % "a")

# %%
print("%f" % "a")

# %%
print("%d %d" % (1,))

# %%
print("%d" % (1, 2))

# %%
print("%s and %r" % ("x", "y"))
print("%5.2f|%-6d|%+d|%05d|%.3s|%e|%g|%%" % (3.14159, 42, 7, 42, "abcdef", 12345.678, 0.0001))
print("%(name)s has %(n)d" % {"name": "m", "n": 3})
print("%d" % 3.9, "%i" % True, "%s" % [1, 2], "%s" % (1,), "%d%%" % 5)
print("Epoch %d/%d - loss: %.4f" % (3, 10, 0.123456))
print("%-10s|%10s|" % ("left", "right"), "%*d" % (5, 42), "%.*f" % (2, 3.14159))

# %%
print("%" % 1)

# %%
print("%y" % 1)

# %%
print("%05d|%-5d|%5s|%05.1f|%+.2e" % (-42, -42, "ab", -2.5, 1234.5))

# %%
print(isinstance(3, int), isinstance(True, int), isinstance(2**70, int), isinstance(3.0, (int, float)), isinstance("a", (list, tuple)), isinstance([1], list), isinstance((1,), tuple), isinstance({}, dict))
def as_tuple(size):
    return size if isinstance(size, tuple) else (size, size)
print(as_tuple(3), as_tuple((3, 5)))

# %%
print(any([0, 0, 1]), any([]), all([1, 2]), all([]), all(x > 0 for x in [1, -1]), any(range(0)))
print(reversed([1, 2, 3]) if False else list(reversed([1, 2, 3])), list(reversed(range(4))), list(reversed((1, 2))))
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": 1}, k=2), dict())

# %%
print(isinstance(3, 4))

# %%
from __future__ import print_function, division
import math
print(math.sqrt(2), math.pi, math.floor(2.5), math.ceil(2.1), math.log2(8), math.prod([2, 3, 4]), math.log(10), math.exp(1))
print(math.floor(-2.5), math.ceil(1e20), math.log(8, 2), math.log10(1000), math.prod([]), math.prod((2**40, 2**40)), math.isclose(0.1 + 0.2, 0.3))
print(math.ceil(28 / 3), math.floor(7), math.trunc(-3.7), math.fabs(-2))

# %%
import math
math.sqrt(-1)

# %%
import math
math.log(0)

# %%
import math
math.exp(1000)

# %%
import math
math.floor(float("inf"))

# %%
from functools import partial
def power(base, exponent=2, *, scale=1):
    return scale * base ** exponent
cube = partial(power, exponent=3)
print(cube(2), cube(2, exponent=4), partial(power, 5)(), partial(power, scale=10)(3))

# %%
from functools import partial
partial(3)

# %%
import os
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
print(os.environ["TF_CPP_MIN_LOG_LEVEL"], os.environ.get("TF_CPP_MIN_LOG_LEVEL"), os.getenv("TF_CPP_MIN_LOG_LEVEL"), os.getenv("CONVBOOK_UNSET_NAME", "none"))
print(os.path.join("a", "b", "/c", "d"), os.path.join("a/", "b"), os.path.basename("/x/y.tar.gz"), os.path.splitext("/x/y.tar.gz"), os.path.splitext(".bashrc"), os.path.dirname("/x/y/"), repr(os.path.dirname("a")), os.path.dirname("/a"))

# %%
def safe_ratio(a, b):
    try:
        return a / b
    except ZeroDivisionError as error:
        print("caught:", error)
        return None
    finally:
        print("finally")
print(safe_ratio(1, 2), safe_ratio(1, 0))

# %%
for value in ["3", "x", [1]]:
    try:
        number = int(value)
    except (ValueError, TypeError) as problem:
        print("bad", problem)
    else:
        print("ok", number)

# %%
try:
    {}["missing"]
except LookupError as e:
    print("lookup", e)
try:
    [][3]
except Exception as e:
    print("exception", e)
try:
    2 ** 0.5 / 0
except ArithmeticError:
    print("arith")

# %%
try:
    x = 1 / 0
except ValueError:
    print("not this")

# %%
try:
    pass
except 3:
    pass
print("no error raised")

# %%
try:
    1 / 0
except 3:
    pass

# %%
try:
    print("body")
finally:
    print("cleanup")

# %%
units: int = 64
filters: list = [units, units * 2]
shape: tuple
print(units, filters)
def build(n: int, rate: float = 0.5) -> int:
    size: int = n * 2
    return size
print(build(3))
class Config:
    rate: float = 0.5
    name: str
print(Config.rate)

# %%
shape: tuple
print(shape)

