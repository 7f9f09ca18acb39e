# Activation functions written with tf-keras' backend helpers (K.relu with max_value,
# K.sigmoid). Keras 3's keras.backend has neither, but its layers give their output shape
# without calling the activation: the model builds and its summary prints the same rows;
# only running the model would call the function.
from tensorflow import keras
from tensorflow.keras import backend as K
from tensorflow.keras import layers


def capped(t):
    return K.relu(t, max_value=6.0)


def gated(t):
    return t * K.sigmoid(t)


class Stem:
    def hard_swish(self, t):
        return t * K.relu(t + 3.0, max_value=6.0) / 6.0

    def build(self, inputs):
        x = layers.Conv2D(4, 3, padding="same", activation=capped, name="conv")(inputs)
        x = layers.Activation(self.hard_swish, name="hswish")(x)
        x = layers.DepthwiseConv2D(3, activation=gated, name="depthwise")(x)
        x = layers.GlobalAveragePooling2D(name="pool")(x)
        x = layers.Reshape((1, 4), name="steps")(x)
        x = layers.GRU(5, activation=gated, name="gru")(x)
        return layers.Dense(2, activation=self.hard_swish, name="head")(x)


inputs = keras.Input((8, 8, 3), name="image")
model = keras.Model(inputs, Stem().build(inputs), name="stem")
model.summary()
print(model.count_params())
for layer in model.layers[1:]:
    if hasattr(layer, "activation"):
        print(layer.name, layer.activation.__name__)
print(model.get_layer("conv").get_config()["activation"])
