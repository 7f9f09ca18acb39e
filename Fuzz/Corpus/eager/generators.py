def count_up(n):
    print("start")
    i = 0
    while i < n:
        yield i
        print("after", i)
        i += 1
    return "done"

g = count_up(3)
print("made", type(g).__name__)
print(next(g))
print(next(g))
for v in g:
    print("loop", v)
try:
    next(g)
except StopIteration as e:
    print("stop", repr(str(e)))
print(list(count_up(2)), sum(count_up(4)))

def batches(data, size):
    for start in range(0, len(data), size):
        yield data[start:start + size]

print(list(batches(list(range(7)), 3)))

def chain(*parts):
    for p in parts:
        result = yield from p
    return result

def inner():
    yield 1
    yield 2
    return 42

def outer():
    r = yield from inner()
    yield r
print(list(chain([1, 2], "ab", range(2))), list(outer()))

def infinite():
    n = 0
    while True:
        yield n
        n += 1
it = infinite()
print([next(it) for _ in range(5)])
import itertools
print(list(itertools.islice(infinite(), 3, 6)))
print(dict(zip("abc", infinite())))

def bad():
    yield 1
    raise ValueError("broken")
try:
    for x in bad():
        print("got", x)
except ValueError as e:
    print("caught", e)

def stopper():
    yield 1
    raise StopIteration
try:
    list(stopper())
except RuntimeError as e:
    print("runtime", e)

def gen_with_default(a, b=2):
    yield a + b
print(list(gen_with_default(1)), next(gen_with_default(5, b=5)))
try:
    gen_with_default()
except TypeError as e:
    print(e)
def unused():
    print("never")
    yield
u = unused()
g2 = count_up(5)
next(g2)
del g2
print("end")

# %%
def gen(items):
    for item in items:
        yield 10 / item

values = gen([1, 0])
print(next(values))
print(next(values))

# %%
def gen():
    yield 1
g = gen()
print(next(g), next(g, "fallback"), g.__name__)
next(g)

# %%
def gen():
    yield 1
    return [1, 2]
g = gen()
next(g)
next(g)

# %%
def walk(depth):
    if depth:
        yield depth
        yield from walk(depth - 1)
print(list(walk(5)))

# %%
def numbers():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("closing")
        raise
g = numbers()
print(next(g))
g.close()
print("closed", list(g))

