"""A loop that adds to or removes from the dict or set it walks: CPython's iterator notices the
new size at its next step (after the last item too) and raises RuntimeError; a loop over a copy
(`list(d)`) may change the dict freely."""
import keras

layer_sizes = {"dense_a": 8, "dense_b": 4}
for name in list(layer_sizes):
    layer_sizes[name + "_copy"] = layer_sizes[name] * 2
print(sorted(layer_sizes.items()))

seen = {1, 2, 3}
try:
    for item in seen:
        seen.discard(item)
except RuntimeError as error:
    print("set:", error)

units = {"first": 16}
try:
    for key in units:
        units[key] = units[key] * 2
    print("same size is fine:", units)
    for key in units:
        units.pop(key)
except RuntimeError as error:
    print("dict:", error, units)

model = keras.Sequential([keras.Input((3,))])
widths = {"hidden": 5}
for key in widths:
    model.add(keras.layers.Dense(widths[key], name=key))
    widths["output"] = 1
print("not reached")
