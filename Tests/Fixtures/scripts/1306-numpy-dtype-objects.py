# A NumPy array's dtype is an object of its own: it prints as its name, its repr (inside a list,
# a tuple or a dict) is dtype('...'), it equals whatever np.dtype() reads as the same dtype, and
# it answers name, type, itemsize, kind, char and str.
import numpy as np

counts = np.arange(4)
pixels = np.zeros((2, 2), dtype=np.uint8)
scores = np.array([0.5, 1.5], dtype="float32")
flags = counts > 1
words = np.array(["cat", "horse"])

print(counts.dtype, pixels.dtype, scores.dtype, flags.dtype, words.dtype)
print([counts.dtype, words.dtype], (scores.dtype,), {"x": pixels.dtype})
print(repr(flags.dtype), str(scores.dtype), f"{counts.dtype}|{scores.dtype!r}", "%s" % pixels.dtype)
print(type(scores.dtype), type(words.dtype).__name__)
for dtype in (counts.dtype, pixels.dtype, scores.dtype, flags.dtype, words.dtype):
    print(dtype.name, dtype.itemsize, dtype.kind, dtype.char, dtype.str, dtype.byteorder)
for dtype in (counts.dtype, pixels.dtype, scores.dtype, flags.dtype):
    print(dtype.type, dtype.type(1))

print(scores.dtype == np.float32, scores.dtype == "float32", scores.dtype == "f4", scores.dtype == "<f4")
print(scores.dtype == np.float64, scores.dtype == float, counts.dtype == int, counts.dtype == "int64")
print(np.float32 == scores.dtype, "float32" == scores.dtype, scores.dtype != "float32")
print(flags.dtype == bool, flags.dtype == np.bool_, pixels.dtype == "uint8", pixels.dtype == np.int64)
print(words.dtype == "<U5", words.dtype == "U5", words.dtype == "U4", words.dtype == "str")
print(scores.dtype == counts.dtype, scores.dtype == np.zeros(1, "f4").dtype, scores.dtype == 3)
print(scores.dtype in (np.float32, np.float64), counts.dtype in ["float32", "float64"])
print(scores.dtype is np.float32, scores.dtype is np.dtype("float32"))
print(isinstance(scores.dtype, np.dtype), isinstance(scores, np.dtype), isinstance(words.dtype, (str, np.dtype)))

print(np.dtype("float64"), np.dtype(np.int32), np.dtype(float), np.dtype("i8"), np.dtype(scores.dtype))
print([np.dtype("<f4"), np.dtype("?"), np.dtype("B")])
print(np.zeros(2, dtype=scores.dtype), counts.astype(flags.dtype), np.arange(3, dtype=pixels.dtype))
print(np.float32(2.5).dtype, [np.int64(3).dtype])
try:
    np.dtype("float33")
except TypeError as error:
    print("TypeError:", error)
try:
    scores.dtype.shape_of_it
except AttributeError as error:
    print("AttributeError:", error)
