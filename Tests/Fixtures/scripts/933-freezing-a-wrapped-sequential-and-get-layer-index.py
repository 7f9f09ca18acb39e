# A frozen Sequential freezes its input layer too, which a model built on its input lists;
# get_layer counts a negative index from the end, as a Python list does.
from tensorflow import keras

features = keras.Sequential(
    [keras.Input((6,)), keras.layers.Dense(4, name="hidden"), keras.layers.Dense(3, name="embed")],
    name="features",
)
head = keras.layers.Dense(1, name="score")(features.outputs[0])
scorer = keras.Model(features.inputs, head, name="scorer")
features.trainable = False
for layer in scorer.layers:
    print(layer.name, layer.trainable)
scorer.summary(show_trainable=True)
features.trainable = True
print([layer.trainable for layer in scorer.layers])

print(scorer.get_layer(index=-1).name, scorer.get_layer(index=-4).name)
print(features.get_layer(None, -2).name, features.get_layer(index=True).name)
for arguments in [
    {"index": -9},
    {"index": 4},
    {"index": 2.0},
    {"name": "embed", "index": 1},
    {"name": "missing"},
    {"name": 3},
    {},
]:
    try:
        print(arguments, scorer.get_layer(**arguments).name)
    except (ValueError, IndexError, TypeError) as error:
        print(arguments, type(error).__name__, error)
