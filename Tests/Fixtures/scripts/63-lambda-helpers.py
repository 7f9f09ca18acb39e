from tensorflow import keras

Conv = lambda filters, **kw: keras.layers.Conv2D(filters, 3, padding="same", **kw)
Pool = lambda: keras.layers.MaxPooling2D(2)
widths = list(map(lambda i: 16 * 2 ** i, range(3)))
print(widths)

stack = []
for w in widths:
    stack += [Conv(w, activation="relu"), Conv(w, activation="relu"), Pool()]
model = keras.Sequential([keras.Input(shape=(48, 48, 3))] + stack + [keras.layers.Flatten()])
print(len(model.layers), model.output_shape)
names = [l.name for l in model.layers]
print(names[:3], names[-1])
pairs = list(zip(names[::3], widths))
print(pairs)
describe = lambda *parts, sep=" | ", **extra: sep.join([str(p) for p in parts] + sorted(extra))
print(describe(model.name, len(model.layers), trainable=True, built=True))
print(describe(*widths, sep=", "))
