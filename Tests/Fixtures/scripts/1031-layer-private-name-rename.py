# Renaming layers through their private `_name`: tf-keras' `name` property reads `_name`, so a
# layer renamed before its first call makes its weights and its node under the new name, and one
# renamed after it was built shows the new name in summaries while its weights keep the old one.
# Two copies of one builder are told apart so before they meet in one model. Keras 3 keeps
# `_name` as an attribute of the layer's own: its names do not change.
from tensorflow import keras


class AbsDifference(keras.layers.Layer):
    def call(self, a, b):
        return abs(a - b)


def tower(tag):
    inp = keras.Input((6,), name="features_" + tag)
    hidden = keras.layers.Dense(4, activation="relu", name="hidden")(inp)
    return keras.Model(inp, hidden, name="tower_" + tag)


left, right = tower("a"), tower("b")
for layer in right.layers:
    layer._name = layer.name + "_b"
print([layer.name for layer in right.layers])
print([w.name for w in right.layers[1].weights])

difference = AbsDifference()
difference._name = "distance"
head = keras.layers.Dense(1, activation="sigmoid")
head._name = "score"
merged = difference(left.output, right.output)
model = keras.Model([left.input, right.input], head(merged), name="pair")
print(difference.name, head.name, [w.name for w in head.weights])
model.summary()
