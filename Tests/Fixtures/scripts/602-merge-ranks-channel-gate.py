# A channel-attention block written as a custom layer: the gate is (batch, channels) and the
# feature maps (batch, h, w, channels); Keras' merge layers expand the gate after its batch axis.
# The layer holds an `Add` layer as `self.add` and also adds tensors with `+` in call().
import numpy as np
import tensorflow as tf


class ChannelGate(tf.keras.layers.Layer):
    def __init__(self, ratio, **kwargs):
        super().__init__(**kwargs)
        self.ratio = ratio
        self.avg = tf.keras.layers.GlobalAveragePooling2D()
        self.peak = tf.keras.layers.GlobalMaxPooling2D()
        self.add = tf.keras.layers.Add()
        self.squash = tf.keras.layers.Activation("sigmoid")

    def build(self, input_shape):
        channels = input_shape[-1]
        self.w = self.add_weight(name="w", shape=(channels, channels // self.ratio),
                                 initializer="ones")
        self.b = self.add_weight(name="b", shape=(channels // self.ratio,), initializer="zeros")
        self.v = self.add_weight(name="v", shape=(channels // self.ratio, channels),
                                 initializer="ones")

    def call(self, inputs):
        a = tf.matmul(tf.nn.relu(tf.matmul(self.avg(inputs), self.w) + self.b), self.v)
        m = tf.matmul(tf.nn.relu(tf.matmul(self.peak(inputs), self.w) + self.b), self.v)
        gate = self.squash(self.add([a, m]))
        return tf.keras.layers.multiply([gate, inputs])


inputs = tf.keras.Input(shape=(6, 6, 8))
x = tf.keras.layers.Conv2D(8, 3, padding="same", kernel_initializer="ones")(inputs)
x = ChannelGate(ratio=2, name="gate")(x)
pooled = tf.keras.layers.GlobalAveragePooling2D()(x)
both = tf.keras.layers.Average()([pooled, x])
model = tf.keras.Model(inputs, [x, both])
model.summary()
data = np.linspace(-1.0, 1.0, 2 * 6 * 6 * 8).reshape(2, 6, 6, 8).astype("float32")
gated, averaged = model.predict(data, verbose=0)
print(gated.shape, averaged.shape)
print(np.round(gated[:, 2, 3], 3))
print(np.round(averaged[:, 0, 5], 3))
