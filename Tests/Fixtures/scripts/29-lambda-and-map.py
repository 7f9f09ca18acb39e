from tensorflow import keras
from tensorflow.keras import layers

widths = list(map(lambda w: w * 2, [8, 16, 32]))
evens = list(filter(lambda w: w % 32 == 0, widths))
print(widths, evens)
make = lambda units, act="relu": layers.Dense(units, activation=act)
model = keras.Sequential([keras.Input(shape=(12,))] + [make(w) for w in widths] + [make(1, "sigmoid")])
model.summary()
print(sorted(widths, key=lambda w: -w), round(3.14159, 2), abs(-7), int("42") + float("0.5"))
