# Ensembling: three small models share one input, their predictions averaged (and max/min for comparison).
from tensorflow import keras
from tensorflow.keras import layers


def make_member(index, width):
    member = keras.Sequential([
        layers.Conv2D(width, 3, activation="relu"),
        layers.GlobalAveragePooling2D(),
        layers.Dense(10, activation="softmax"),
    ], name="member_%d" % index)
    return member


inputs = keras.Input(shape=(28, 28, 1))
members = [make_member(i, w) for i, w in enumerate([8, 16, 32])]
outputs = [m(inputs) for m in members]
average = layers.Average(name="average")(outputs)
maximum = layers.Maximum()(outputs)
minimum = layers.minimum(outputs)
spread = layers.Subtract(name="spread")([maximum, minimum])
ensemble = keras.Model(inputs=inputs, outputs=[average, spread], name="ensemble")
ensemble.summary()
for m in members:
    print(m.name, m.count_params())
