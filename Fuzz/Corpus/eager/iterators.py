def loud(x):
    print("f", x)
    return x * 2
m = map(loud, [1, 2, 3])
print("made", type(m).__name__)
print(next(m))
for v in m:
    print("got", v)
print(list(m))
z = zip([1, 2, 3], "ab")
print(next(z), list(z), list(z))
f = filter(None, [0, 1, "", "x"])
print(list(f), list(filter(lambda v: v > 1, range(5))))
print(dict(zip("abc", range(3))), sorted(zip([3, 1], [4, 2])), list(zip()))
a, b = zip(*[(1, 2), (3, 4)])
print(a, b, sum(map(len, ["ab", "c"])), list(map(pow, [2, 3], [3, 2])))
print(list(enumerate(zip("xy", [1, 2]))), max(map(abs, [-5, 3])))
big = map(lambda i: i * i, range(10**12))
print(next(big), next(big))
try:
    len(map(str, [1]))
except TypeError as e:
    print(e)
try:
    map(str, [1])[0]
except TypeError as e:
    print(e)
try:
    map(str, 5)
except TypeError as e:
    print(e)
try:
    filter(None)
except TypeError as e:
    print(e)
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])))

# %%
m = map(str, [1, 2])
print(type(m).__name__, type(filter(None, [])).__name__, type(zip()).__name__, iter(m) is m)

# %%
list(map(lambda x: 1 / x, [1, 0]))

# %%
filter(len)

