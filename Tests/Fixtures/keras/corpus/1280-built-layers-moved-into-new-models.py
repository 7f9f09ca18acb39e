# Layers taken out of built models into new ones (model surgery): a built layer keeps its weights,
# so it takes inputs that fit them and Keras 3's input spec refuses the others.
from tensorflow import keras

features = keras.layers.Conv2D(8, 3, padding="same", name="features")
mixer = keras.layers.Conv2D(4, 1, name="mixer")
source = keras.Sequential([keras.Input((32, 32, 3)), features, mixer], name="source")
head = keras.Sequential([keras.Input((32, 32, 6)), keras.layers.Conv2D(6, 1), keras.layers.Conv2D(2, 1, name="head")])
print([layer.name for layer in source.layers], features.count_params(), mixer.count_params())

# %%
# The same layers in a new model: their weights fit, so they are reused as they are.
moved = keras.Sequential(name="moved")
moved.add(keras.Input((32, 32, 3)))
for layer in source.layers:
    moved.add(layer)
moved.add(keras.layers.GlobalAveragePooling2D())
moved.summary()
print(moved.count_params(), features.output.shape, len(moved.weights))

# %%
# The head's last layer was built for 6 channels; after the mixer it gets 4.
grafted = keras.Sequential(name="grafted")
grafted.add(keras.Input((32, 32, 3)))
grafted.add(features)
grafted.add(mixer)
grafted.add(head.get_layer("head"))
