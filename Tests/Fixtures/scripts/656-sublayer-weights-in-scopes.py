# Layers a custom layer makes in build() or __init__ are built inside its call: Keras names their
# weights under the custom layer's name, and tf-keras' scratch graph may give them a name that a
# layer of the outer model already has (conv2d again), which must keep weights of its own.
import numpy as np
import tensorflow as tf
from tensorflow import keras


class SpatialGate(keras.layers.Layer):
    def build(self, input_shape):
        self.squeeze = keras.layers.Conv2D(1, 3, padding="same", activation="sigmoid")
        super().build(input_shape)

    def call(self, inputs):
        return inputs * self.squeeze(inputs)


class ChannelGate(keras.layers.Layer):
    def __init__(self, ratio=2, **kwargs):
        super().__init__(**kwargs)
        self.ratio = ratio

    def build(self, input_shape):
        channels = input_shape[-1]
        self.scale = self.add_weight(name="gate_scale", shape=(channels,), initializer="ones")
        self.down = keras.layers.Dense(channels // self.ratio, activation="relu")
        self.up = keras.layers.Dense(channels)

    def call(self, inputs):
        pooled = tf.reduce_mean(inputs * self.scale, axis=[1, 2])
        gate = tf.sigmoid(self.up(self.down(pooled)))
        return inputs * gate[:, None, None, :]


class Block(keras.layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.gate = SpatialGate()

    def call(self, inputs):
        return self.gate(inputs) + inputs


inputs = keras.Input((8, 8, 3))
x = keras.layers.Conv2D(4, 3, padding="same")(inputs)
x = ChannelGate()(x)
x = SpatialGate()(x)
x = keras.layers.Conv2D(4, 1)(x)
x = ChannelGate(name="second_gate")(x)
x = Block()(x)
model = keras.Model(inputs, keras.layers.GlobalAveragePooling2D()(x))
model.summary()
for layer in model.layers:
    print(layer.name, [w.shape for w in layer.weights])
names = [w.name for w in model.weights]
print(len(names), len(set(names)))
print(names)
print(model.predict(np.ones((2, 8, 8, 3)), verbose=0).shape)
print(len(model.get_weights()), model.count_params())
