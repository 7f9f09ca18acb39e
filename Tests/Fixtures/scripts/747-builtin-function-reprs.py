# A helper table of reductions, printed as a quick check while debugging a model script.
from tensorflow import keras

reducers = {"largest": max, "smallest": min, "count": len}
for key, function in reducers.items():
    print(f"{key:>8}: {function!r} -> {function([3, 1, 2])}")
print([abs, round], repr(sorted), str(print))

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
print(max(len(layer.name) for layer in model.layers))
