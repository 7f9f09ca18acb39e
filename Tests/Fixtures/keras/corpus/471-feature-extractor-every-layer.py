# A model whose outputs are every layer's output of a functional CNN: the intermediate features.
import keras
from keras import layers

inputs = keras.Input(shape=(32, 32, 3), name="img")
x = layers.Conv2D(16, 3, padding="same", activation="relu", name="conv_a")(inputs)
x = layers.BatchNormalization(name="bn_a")(x)
x = layers.MaxPooling2D(name="pool_a")(x)
x = layers.Conv2D(32, 3, padding="same", activation="relu", name="conv_b")(x)
x = layers.GlobalAveragePooling2D(name="gap")(x)
outputs = layers.Dense(4, activation="softmax", name="head")(x)
classifier = keras.Model(inputs, outputs, name="classifier")

features = keras.Model(
    inputs=classifier.input,
    outputs=[layer.output for layer in classifier.layers[1:]],
    name="features",
)
features.summary()
print(len(features.outputs), [tuple(t.shape) for t in features.outputs])
print(features.count_params() == classifier.count_params())

# %%
# Only the convolutions, picked by class.
convs = [layer for layer in classifier.layers if isinstance(layer, layers.Conv2D)]
conv_maps = keras.Model(classifier.inputs, [layer.output for layer in convs], name="conv_maps")
conv_maps.summary()
print(classifier.input is classifier.inputs[0], classifier.output is classifier.outputs[0])
