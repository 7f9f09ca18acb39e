print({1, 2}, set(), frozenset(), set([3, 1, 2]), frozenset({-1, -2, 7}))

# %%
s = {0, 8}
s.remove(0)
s.add(16)
print(s)

# %%
s = {0, 8, 16}
s.remove(0)
s.remove(8)
s.add(24)
s.add(1)
print(s)

# %%
a = {1, 2, 3}
b = {3, 4}
print(a | b, a & b, a - b, a ^ b, b ^ a, a <= b, {3} < b, b >= {4}, a == {3, 2, 1})

# %%
print({5, 13, 21, 3}, set([21, 13, 5]), {1.5, 2, 9.5}, {(1, 2), (3, 4), (0, 0)}, {1, 1.0, True})

# %%
print({x * 7 for x in range(12)}, set(range(20, 0, -3)), {100, 200, 300, 5, 77})

# %%
t = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
t -= {1, 2, 3, 4, 5, 6, 7}
t |= {33, 65}
print(t, len(t), 65 in t, 64 not in t)

# %%
u = {10, 20}
u.update([1, 2], (99,), {7})
print(u)
u.discard(5)
print(u.pop(), u)

# %%
print({-1, -2, 2**61, 2**64, 0.5, -0.25, -3.5, 1e20})

# %%
u = {1}
u.remove(42)

# %%
{1, 2}.remove("conv")

# %%
s = {[1], 2}

# %%
print(3 in {1, 2}, [3] in {1, 2})

# %%
s = set()
s.pop()

# %%
f = frozenset([1, 2])
f.add(3)

# %%
print(set(1))

# %%
print(set([1], [2]))

# %%
print(set(iterable=[1]))

# %%
print({1} + {2})

# %%
print({1} | [2])

# %%
print({1, 2}[0])

# %%
frozen = {"conv1_1", "conv1_2"}
trainable = [name for name in ["conv1_1", "conv2_1", "dense"] if name not in frozen]
print(trainable, len(frozen), sorted(frozen))

# %%
print(set({"a": 1, 3: 2, 5: 0}.values()) if False else set({3: 2, 5: 0, 11: 1}))

# %%
a = {1, 2, 3}
b = a
b |= {4}
b -= {1}
b &= {2, 3, 4, 9}
b ^= {2, 10}
print(a, a is b)

# %%
f = frozenset([3, 1])
g = f
g |= {2}
print(f, g, type(g).__name__, isinstance(g, frozenset), f.union([5]), f.copy() is f)

# %%
print({1, 2}.union([3], (4,)), {1, 2, 3}.intersection([2, 3], {3}), {1, 2, 3}.difference([1], {2}))
print({1, 2}.symmetric_difference([2, 3]), {1}.issubset([1, 2]), {1, 2}.issuperset({2}), {1}.isdisjoint({2}))

# %%
s = {1, 2, 3}
s.intersection_update([2, 3, 4])
s.difference_update({3})
s.symmetric_difference_update([7, 2])
print(s)
s.clear()
print(s, bool(s), bool({0}))

# %%
print(sorted({3, 1, 2}, reverse=True), max({4, 9, 1}), sum({1, 2, 3}), list({8, 16, 24}))

# %%
print(repr({1}), str(frozenset({1})), f"{ {1, 2} }", [{1}], ({2},), {"k": {3}})

# %%
a = set()
b = {1, 32, 28}
a = a ^ b
print(a, b, len(a), a <= b, a == b)
a |= b
print(a, b, len(a), a <= b, a == b)
a ^= b
print(a, b, len(a), a <= b, a == b)
a = a & b
print(a, b, len(a), a <= b, a == b)
a &= b
print(a, b, len(a), a <= b, a == b)
a = a | b
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.add(-3)
print(a, b, len(a), a <= b, a == b)
a = a | b
print(a, b, len(a), a <= b, a == b)
a -= b
print(a, b, len(a), a <= b, a == b)

# %%
a = frozenset([32])
b = set([2.0, 16, 13, 1.25, 64, -2305843009213693952, 0.5])
a = a.difference(frozenset([-20, -18, 16]))
print(a, b, len(a), a <= b, a == b)
a -= b
print(a, b, len(a), a <= b, a == b)
a &= b
print(a, b, len(a), a <= b, a == b)

# %%
a = set([1.25, 3, 1.25, 1.25, 2.0, -3.5])
b = {17, -4, -13, 128, -3.5, 2, 4611686018427387907}
b = set([2.0, -6, -6, 5, 1e+20, 2305843009213693951, 0.5])
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.update(set([2305843009213693952, 31]))
print(a, b, len(a), a <= b, a == b)
b = b ^ a
print(a, b, len(a), a <= b, a == b)
a = a & b
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.add(14)
print(a, b, len(a), a <= b, a == b)

# %%
a = frozenset([2])
b = {19, 22, -3.5, 2305843009213693951, -2305843009213693952, 0.5, 2305843009213693951, -3.5, 20}
a = a & b
print(a, b, len(a), a <= b, a == b)
a = a.union(b, frozenset([5, 1.25, -2305843009213693952, 40, 19, 3, 37, 10]))
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.update({x for x in [31, 0.5, 2, 33, 1e+20, 4]})
print(a, b, len(a), a <= b, a == b)

# %%
a = set(range(-2, 18, 4))
b = {1e+20, 28, 1.25, -20, 2305843009213693952, -19, 1e+20, 2305843009213693951}
a = a.symmetric_difference(b)
print(a, b, len(a), a <= b, a == b)
a ^= b
print(a, b, len(a), a <= b, a == b)
a = a ^ b
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.add(35)
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.update(set([30, 64, 2.0, 18, 20, -2305843009213693952]))
print(a, b, len(a), a <= b, a == b)
a = a - b
print(a, b, len(a), a <= b, a == b)
a = a.symmetric_difference(b)
print(a, b, len(a), a <= b, a == b)
a = a.difference(set([-3.5, -16]))
print(a, b, len(a), a <= b, a == b)
a ^= b
print(a, b, len(a), a <= b, a == b)

# %%
a = set(range(7, 48, 3))
b = {30}
a = a ^ b
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.discard(1e+20)
print(a, b, len(a), a <= b, a == b)
a |= b
print(a, b, len(a), a <= b, a == b)
a -= b
print(a, b, len(a), a <= b, a == b)
a = a.copy()
print(a, b, len(a), a <= b, a == b)
a ^= b
print(a, b, len(a), a <= b, a == b)
a = a ^ b
print(a, b, len(a), a <= b, a == b)
b = {6, 32}
print(a, b, len(a), a <= b, a == b)
a = a.symmetric_difference(b)
print(a, b, len(a), a <= b, a == b)
a ^= b
print(a, b, len(a), a <= b, a == b)
b = frozenset([3, 1e+20, 11])
print(a, b, len(a), a <= b, a == b)
a = a.intersection(set(range(-10, 13, 1)))
print(a, b, len(a), a <= b, a == b)

# %%
a = set()
b = {-6}
a = set(b)
print(a, b, len(a), a <= b, a == b)
a |= b
print(a, b, len(a), a <= b, a == b)
a = a.difference({128, 31, 1, 8})
print(a, b, len(a), a <= b, a == b)
a -= b
print(a, b, len(a), a <= b, a == b)
a = a.difference({27, 2.0, 32, 12, 33, -8, 17, 25, 1.25})
print(a, b, len(a), a <= b, a == b)
a -= b
print(a, b, len(a), a <= b, a == b)
a = a | b
print(a, b, len(a), a <= b, a == b)

# %%
a = {x for x in [96, 64, 96, 2.0, 96, 96, 96, -2305843009213693952]}
b = set([7, 4611686018427387907, 13, -2305843009213693952, 6])
a = a.copy()
print(a, b, len(a), a <= b, a == b)
a = a.union(b, set())
print(a, b, len(a), a <= b, a == b)
if not isinstance(b, frozenset): b.pop() if b else None
print(a, b, len(a), a <= b, a == b)
a = a & b
print(a, b, len(a), a <= b, a == b)
b = b ^ a
print(a, b, len(a), a <= b, a == b)
a ^= b
print(a, b, len(a), a <= b, a == b)
a = a - b
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.add(5)
print(a, b, len(a), a <= b, a == b)
a = a | b
print(a, b, len(a), a <= b, a == b)

# %%
a = {32, -3.5, 6, 96}
b = {-6, 0.5, -6, 1, 4611686018427387907, 1e+20, 0.5, -15, 2305843009213693951}
a = a.difference(set(range(-3, 41, 7)))
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.add(-2305843009213693952)
print(a, b, len(a), a <= b, a == b)
if not isinstance(b, frozenset): b.pop() if b else None
print(a, b, len(a), a <= b, a == b)
a ^= b
print(a, b, len(a), a <= b, a == b)
a = a.difference({0.5, 1e+20, 20, 4611686018427387907, 1.25})
print(a, b, len(a), a <= b, a == b)
a = a.difference(set(range(3, 22, 4)))
print(a, b, len(a), a <= b, a == b)
if not isinstance(b, frozenset): b.pop() if b else None
print(a, b, len(a), a <= b, a == b)

# %%
a = set([1, -16, 96, 4, 1e+20, 20, -14, 22])
b = {33}
b = b ^ a
print(a, b, len(a), a <= b, a == b)
a = a.copy()
print(a, b, len(a), a <= b, a == b)
a = a - b
print(a, b, len(a), a <= b, a == b)
a |= b
print(a, b, len(a), a <= b, a == b)
a |= b
print(a, b, len(a), a <= b, a == b)
a = set(b)
print(a, b, len(a), a <= b, a == b)
a |= b
print(a, b, len(a), a <= b, a == b)
a |= b
print(a, b, len(a), a <= b, a == b)
a = a | b
print(a, b, len(a), a <= b, a == b)
a = a ^ b
print(a, b, len(a), a <= b, a == b)
a = a.difference(set(range(3, 55, 4)))
print(a, b, len(a), a <= b, a == b)

# %%
a = {x for x in [96, 0.5, 14, 26, -2305843009213693952, 4]}
b = set(range(3, 45, 5))
b = b ^ a
print(a, b, len(a), a <= b, a == b)
a = a.copy()
print(a, b, len(a), a <= b, a == b)
a = set(b)
print(a, b, len(a), a <= b, a == b)
a ^= b
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.discard(-2305843009213693952)
print(a, b, len(a), a <= b, a == b)
a = a & b
print(a, b, len(a), a <= b, a == b)
a = a.intersection(set(range(2, 19, 5)))
print(a, b, len(a), a <= b, a == b)
a = set(b)
print(a, b, len(a), a <= b, a == b)
a = a - b
print(a, b, len(a), a <= b, a == b)

# %%
a = {32, 2.0, 18, -7, -12, 30, 1, 2305843009213693952, -20}
b = frozenset([37, -3.5, 33])
a = a.union(b, {2305843009213693951, 32, 24})
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.discard(14)
print(a, b, len(a), a <= b, a == b)
a -= b
print(a, b, len(a), a <= b, a == b)
a = a.difference({16, 96, -3.5, 32, -3.5, -17, 39, 11, 64})
print(a, b, len(a), a <= b, a == b)
a = a.difference(set(range(-1, 48, 4)))
print(a, b, len(a), a <= b, a == b)
a ^= b
print(a, b, len(a), a <= b, a == b)
a = a.symmetric_difference(b)
print(a, b, len(a), a <= b, a == b)
a = set(b)
print(a, b, len(a), a <= b, a == b)
a = a.union(b, {128, 96, 1e+20, 2.0})
print(a, b, len(a), a <= b, a == b)

# %%
a = set([-2305843009213693952, 96, 11, 2305843009213693952, 32, 128])
b = {-20, 15, 36, 1e+20, 65, 15, -4}
a = a.difference(set())
print(a, b, len(a), a <= b, a == b)
a = a ^ b
print(a, b, len(a), a <= b, a == b)
a = set(a)
print(a, b, len(a), a <= b, a == b)

# %%
a = {-6, 14}
b = {x for x in [1e+20, -2305843009213693952, 1.25, 64, 1e+20, 96, -16, 19]}
a &= b
print(a, b, len(a), a <= b, a == b)
a &= b
print(a, b, len(a), a <= b, a == b)
a &= b
print(a, b, len(a), a <= b, a == b)
a = a.intersection({33, 7})
print(a, b, len(a), a <= b, a == b)
a = set(a)
print(a, b, len(a), a <= b, a == b)
a = a & b
print(a, b, len(a), a <= b, a == b)
a = a.union(b, set([-2305843009213693952, 2305843009213693952, -13]))
print(a, b, len(a), a <= b, a == b)
a = a.union(b, {1e+20, 1e+20, 34, 2.0, 18, 37, -11, 2.0})
print(a, b, len(a), a <= b, a == b)
a |= b
print(a, b, len(a), a <= b, a == b)
a = a.copy()
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.update({96, 2305843009213693952, 31, 0.5, 128})
print(a, b, len(a), a <= b, a == b)

# %%
a = {1e+20, 6, 15, 18, 21, 27, 32, 1e+20}
b = {1.25, 16, 96}
if not isinstance(a, frozenset): a.update(set(range(3, 14, 2)))
print(a, b, len(a), a <= b, a == b)
a = a.union(b, {x for x in [1.25, 20, -3.5, 18, 0.5, 64, 1, 33, 96]})
print(a, b, len(a), a <= b, a == b)
a = a & b
print(a, b, len(a), a <= b, a == b)
a = a.symmetric_difference(b)
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.add(32)
print(a, b, len(a), a <= b, a == b)
a ^= b
print(a, b, len(a), a <= b, a == b)

# %%
a = set()
b = set(range(-3, 13, 5))
a |= b
print(a, b, len(a), a <= b, a == b)
a = a.copy()
print(a, b, len(a), a <= b, a == b)
b = set([14, 2.0, 5, 1.25, 64, 0.5, 1e+20, 20, 2305843009213693951])
print(a, b, len(a), a <= b, a == b)
a = set(b)
print(a, b, len(a), a <= b, a == b)
b = b ^ a
print(a, b, len(a), a <= b, a == b)
a = set(b)
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.update({-7, 1e+20, 21, -4, 128, 5, -2305843009213693952, 0.5})
print(a, b, len(a), a <= b, a == b)
a = a.copy()
print(a, b, len(a), a <= b, a == b)
a = a.intersection(frozenset([4, 14, 38, 15, 2305843009213693951, 24]))
print(a, b, len(a), a <= b, a == b)
a = a | b
print(a, b, len(a), a <= b, a == b)
a = a | b
print(a, b, len(a), a <= b, a == b)
a = a.symmetric_difference(b)
print(a, b, len(a), a <= b, a == b)

# %%
a = set(range(4, 18, 1))
b = {30}
a |= b
print(a, b, len(a), a <= b, a == b)
a = a.difference({128, 2.0, 2.0, 65})
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.discard(27)
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.discard(1.25)
print(a, b, len(a), a <= b, a == b)
a &= b
print(a, b, len(a), a <= b, a == b)
a &= b
print(a, b, len(a), a <= b, a == b)
a = a.intersection(set(range(-3, 35, 7)))
print(a, b, len(a), a <= b, a == b)

# %%
a = set(range(-8, 60, 3))
b = set([-3.5, 96, 0.5, 0, 2305843009213693952])
if not isinstance(a, frozenset): a.discard(18)
print(a, b, len(a), a <= b, a == b)
b = set(range(-4, 49, 4))
print(a, b, len(a), a <= b, a == b)
a = set(b)
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.update(set(range(3, 24, 5)))
print(a, b, len(a), a <= b, a == b)
a &= b
print(a, b, len(a), a <= b, a == b)
b = set(range(3, 11, 5))
print(a, b, len(a), a <= b, a == b)
a = a ^ b
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.add(96)
print(a, b, len(a), a <= b, a == b)
a &= b
print(a, b, len(a), a <= b, a == b)

# %%
a = {-2305843009213693952, -3.5, 2, 2.0}
b = {11, 1e+20, 1e+20}
a = a.union(b, set(range(-5, 43, 3)))
print(a, b, len(a), a <= b, a == b)
a = a.union(b, {0.5, -3.5, 13, -3.5})
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.update(set())
print(a, b, len(a), a <= b, a == b)

# %%
a = set([65, 27, -17, 32, 25])
b = {23, 7, 32, 0.5, 65}
a = a.copy()
print(a, b, len(a), a <= b, a == b)
b = b ^ a
print(a, b, len(a), a <= b, a == b)
a ^= b
print(a, b, len(a), a <= b, a == b)
if not isinstance(b, frozenset): b.pop() if b else None
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.discard(64)
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.add(96)
print(a, b, len(a), a <= b, a == b)
a = a.copy()
print(a, b, len(a), a <= b, a == b)
a = a | b
print(a, b, len(a), a <= b, a == b)
a = a.symmetric_difference(b)
print(a, b, len(a), a <= b, a == b)

# %%
a = {2.0, 1.25, 5}
b = {4611686018427387907}
b = b ^ a
print(a, b, len(a), a <= b, a == b)
a &= b
print(a, b, len(a), a <= b, a == b)
a = a.intersection(set(range(8, 17, 1)))
print(a, b, len(a), a <= b, a == b)
a = a.symmetric_difference(b)
print(a, b, len(a), a <= b, a == b)

# %%
a = set([-15, 22, -3])
b = frozenset([5, 39, 26])
b = b ^ a
print(a, b, len(a), a <= b, a == b)
a = a.union(b, {64, 33, -3.5, 2.0, 25, 64, 29})
print(a, b, len(a), a <= b, a == b)
a = a ^ b
print(a, b, len(a), a <= b, a == b)

# %%
a = set([15])
b = set(range(9, 22, 7))
a = a - b
print(a, b, len(a), a <= b, a == b)
a = a.intersection(set([0.5]))
print(a, b, len(a), a <= b, a == b)
a -= b
print(a, b, len(a), a <= b, a == b)
a = a.copy()
print(a, b, len(a), a <= b, a == b)
a = a ^ b
print(a, b, len(a), a <= b, a == b)

# %%
a = {22, -2305843009213693952, 64, 5, 32}
b = set([7])
a = a.intersection({x for x in [15]})
print(a, b, len(a), a <= b, a == b)
a = a.intersection({40, 7, -11, -16, 5, 0, 65, 65, 2})
print(a, b, len(a), a <= b, a == b)
a = set(a)
print(a, b, len(a), a <= b, a == b)
a = set(b)
print(a, b, len(a), a <= b, a == b)
a = a - b
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.update(set(range(3, 33, 2)))
print(a, b, len(a), a <= b, a == b)
a = a | b
print(a, b, len(a), a <= b, a == b)
a = a | b
print(a, b, len(a), a <= b, a == b)
a = a ^ b
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.update({22, -19, 23, 0.5, 0.5, 6})
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.add(2305843009213693951)
print(a, b, len(a), a <= b, a == b)

# %%
a = {9}
b = {x for x in [-19, -12, 2305843009213693952, 1e+20, 39, 2305843009213693951, 2.0, 4]}
a = set(a)
print(a, b, len(a), a <= b, a == b)
a = a.copy()
print(a, b, len(a), a <= b, a == b)
a = a - b
print(a, b, len(a), a <= b, a == b)
a &= b
print(a, b, len(a), a <= b, a == b)
a &= b
print(a, b, len(a), a <= b, a == b)
a = a.copy()
print(a, b, len(a), a <= b, a == b)

# %%
a = set([96, 9, -3])
b = {6, 65, 18, 5}
b = set()
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.discard(15)
print(a, b, len(a), a <= b, a == b)
a = a - b
print(a, b, len(a), a <= b, a == b)

# %%
a = {2, 2.0, 64, 96, 0.5, 9, 65}
b = set([-18, -6, 65, -2, 30, 1])
a = a ^ b
print(a, b, len(a), a <= b, a == b)
a = a.difference({2, 0.5, 2, -12})
print(a, b, len(a), a <= b, a == b)
a = a.copy()
print(a, b, len(a), a <= b, a == b)
b = b ^ a
print(a, b, len(a), a <= b, a == b)
a = a ^ b
print(a, b, len(a), a <= b, a == b)
a = a.intersection({21, 2.0, 17})
print(a, b, len(a), a <= b, a == b)

# %%
a = {1.25, -18, 15, 2, 29, 28}
b = set()
a = a.copy()
print(a, b, len(a), a <= b, a == b)
b = frozenset([-13, 4611686018427387907, 1e+20, 8, 1e+20, 2.0, 26])
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.update({-2305843009213693952, 8, -4, 1.25, 13, 1e+20, 1.25, 5})
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.update({x for x in [4611686018427387907, 2.0, 4611686018427387907, 1e+20, 32, 1e+20, -3.5, 2.0, 16]})
print(a, b, len(a), a <= b, a == b)
if not isinstance(b, frozenset): b.pop() if b else None
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.discard(16)
print(a, b, len(a), a <= b, a == b)
a = set(a)
print(a, b, len(a), a <= b, a == b)
a = a.union(b, set([0.5, 36]))
print(a, b, len(a), a <= b, a == b)
a = a.difference({1e+20, 27, 0.5, 32, 17, 27})
print(a, b, len(a), a <= b, a == b)
a = a.union(b, set(range(10, 27, 6)))
print(a, b, len(a), a <= b, a == b)

# %%
a = set([2.0, -2305843009213693952, 1e+20])
b = set([1e+20, -2305843009213693952, 1.25, 21, -15, -1, 0, 128, -13])
a = set(a)
print(a, b, len(a), a <= b, a == b)
a = set(a)
print(a, b, len(a), a <= b, a == b)
a |= b
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.update({2.0, 1.25, 33, 1e+20})
print(a, b, len(a), a <= b, a == b)
a = a.union(b, {2.0, 65, 3, 2.0, 32})
print(a, b, len(a), a <= b, a == b)
a = a.difference(set(range(-7, 17, 4)))
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.add(1e+20)
print(a, b, len(a), a <= b, a == b)

# %%
a = {x for x in [4611686018427387907, 1.25, -16, 15, 1, 128, 1e+20, 128]}
b = {1e+20, 14, -1, 5, 33, 12}
a -= b
print(a, b, len(a), a <= b, a == b)
a = a.union(b, {-15, 1e+20, -8, 2.0, 1.25, 1e+20, -5})
print(a, b, len(a), a <= b, a == b)
a = set(b)
print(a, b, len(a), a <= b, a == b)
a &= b
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.add(4611686018427387907)
print(a, b, len(a), a <= b, a == b)
a = a ^ b
print(a, b, len(a), a <= b, a == b)
a = a.copy()
print(a, b, len(a), a <= b, a == b)
b = {65, 1e+20, 29}
print(a, b, len(a), a <= b, a == b)
a = a.difference(set(range(7, 12, 4)))
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.discard(2305843009213693952)
print(a, b, len(a), a <= b, a == b)

# %%
a = set(range(-10, 32, 6))
b = {0, 1e+20, 18}
a = a - b
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.discard(4611686018427387907)
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.update({4611686018427387907})
print(a, b, len(a), a <= b, a == b)
a |= b
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.add(2305843009213693952)
print(a, b, len(a), a <= b, a == b)
a = set(a)
print(a, b, len(a), a <= b, a == b)
a = a & b
print(a, b, len(a), a <= b, a == b)
a = a & b
print(a, b, len(a), a <= b, a == b)
a = a.copy()
print(a, b, len(a), a <= b, a == b)
a = set(b)
print(a, b, len(a), a <= b, a == b)

# %%
a = set()
b = frozenset([0, 2305843009213693952])
a = set(b)
print(a, b, len(a), a <= b, a == b)
a = a.copy()
print(a, b, len(a), a <= b, a == b)
if not isinstance(b, frozenset): b.pop() if b else None
print(a, b, len(a), a <= b, a == b)
a = a.union(b, set(range(-6, 45, 6)))
print(a, b, len(a), a <= b, a == b)
a = a.difference(set())
print(a, b, len(a), a <= b, a == b)
a = set(a)
print(a, b, len(a), a <= b, a == b)
if not isinstance(b, frozenset): b.pop() if b else None
print(a, b, len(a), a <= b, a == b)
b = b ^ a
print(a, b, len(a), a <= b, a == b)
a = a.symmetric_difference(b)
print(a, b, len(a), a <= b, a == b)
a = a - b
print(a, b, len(a), a <= b, a == b)
b = b ^ a
print(a, b, len(a), a <= b, a == b)
a |= b
print(a, b, len(a), a <= b, a == b)

# %%
a = frozenset([64, 17, 20, -3])
b = {25, 32, 4611686018427387907, 96, -19, 32}
a = a.copy()
print(a, b, len(a), a <= b, a == b)
b = frozenset([1e+20, -3.5, -4, 25, 0.5, -2305843009213693952, 11, 2305843009213693951, 2.0])
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.discard(1.25)
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.add(2305843009213693952)
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.add(2.0)
print(a, b, len(a), a <= b, a == b)
b = {4611686018427387907, 33, 4611686018427387907, 1.25}
print(a, b, len(a), a <= b, a == b)
a = a - b
print(a, b, len(a), a <= b, a == b)

# %%
a = {-6, 5}
b = {0.5, -3.5, 96}
a = a ^ b
print(a, b, len(a), a <= b, a == b)
a = a.symmetric_difference(b)
print(a, b, len(a), a <= b, a == b)
if not isinstance(b, frozenset): b.pop() if b else None
print(a, b, len(a), a <= b, a == b)
if not isinstance(b, frozenset): b.pop() if b else None
print(a, b, len(a), a <= b, a == b)

# %%
a = {2.0, -3.5, 2.0, 2305843009213693952, 18}
b = set(range(7, 10, 4))
if not isinstance(a, frozenset): a.update(set([-13, 1.25, 25, 11]))
print(a, b, len(a), a <= b, a == b)
b = b ^ a
print(a, b, len(a), a <= b, a == b)
a = a.intersection(set([10, 30]))
print(a, b, len(a), a <= b, a == b)
a = set(a)
print(a, b, len(a), a <= b, a == b)

# %%
a = set(range(-7, 39, 3))
b = {1e+20}
a = a.intersection({x for x in [12, 21, 19, 40, 1, 1.25, 33, 17]})
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.discard(1.25)
print(a, b, len(a), a <= b, a == b)
a &= b
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.update({128, 1e+20})
print(a, b, len(a), a <= b, a == b)
a = a | b
print(a, b, len(a), a <= b, a == b)
a = a - b
print(a, b, len(a), a <= b, a == b)
a ^= b
print(a, b, len(a), a <= b, a == b)
a |= b
print(a, b, len(a), a <= b, a == b)

# %%
a = {2, -2305843009213693952, 2, 0.5, 3}
b = {-3.5}
if not isinstance(a, frozenset): a.discard(10)
print(a, b, len(a), a <= b, a == b)
a = a.copy()
print(a, b, len(a), a <= b, a == b)
a -= b
print(a, b, len(a), a <= b, a == b)

# %%
a = {31, 11, 64, 0.5, 64, 1.25, 2, 1e+20, 2.0}
b = {13, -8, 2, 12, 14, 4611686018427387907, -3.5}
a = a - b
print(a, b, len(a), a <= b, a == b)
if not isinstance(b, frozenset): b.pop() if b else None
print(a, b, len(a), a <= b, a == b)
a = set(b)
print(a, b, len(a), a <= b, a == b)
a &= b
print(a, b, len(a), a <= b, a == b)
a |= b
print(a, b, len(a), a <= b, a == b)
b = b ^ a
print(a, b, len(a), a <= b, a == b)
a = a.difference(set([0.5, 40, 4611686018427387907]))
print(a, b, len(a), a <= b, a == b)
a = a.difference({x for x in [-3.5, -13, 64]})
print(a, b, len(a), a <= b, a == b)
a = a & b
print(a, b, len(a), a <= b, a == b)

# %%
a = set(range(-5, 51, 5))
b = {37, 2305843009213693951, 65, -10, 1e+20, -4, 2305843009213693952, 39, -3.5}
if not isinstance(a, frozenset): a.add(16)
print(a, b, len(a), a <= b, a == b)
a = a - b
print(a, b, len(a), a <= b, a == b)
a = a | b
print(a, b, len(a), a <= b, a == b)
if not isinstance(b, frozenset): b.pop() if b else None
print(a, b, len(a), a <= b, a == b)
a = set(b)
print(a, b, len(a), a <= b, a == b)

# %%
a = {0.5}
b = set([33, 9, 128, 2.0, 1e+20])
a = a ^ b
print(a, b, len(a), a <= b, a == b)
a = a ^ b
print(a, b, len(a), a <= b, a == b)
a = a.difference(frozenset([-19, 0.5, 7, 25]))
print(a, b, len(a), a <= b, a == b)
a = a.difference(set([20, -1, 0.5, 2305843009213693951, 0.5]))
print(a, b, len(a), a <= b, a == b)
if not isinstance(a, frozenset): a.add(33)
print(a, b, len(a), a <= b, a == b)
a = a.union(b, set([28, -3.5, 25, -3.5, 39, 7, 19, 1e+20, -15]))
print(a, b, len(a), a <= b, a == b)

