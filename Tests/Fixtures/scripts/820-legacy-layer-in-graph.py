# A layer written against TensorFlow's own copy of Keras, used inside a tf.keras model:
# its build sees the input's TensorShape and its operations become layers of the model.
import numpy as np
import tensorflow as tf
from tensorflow.python.keras.layers import Layer, InputSpec
from tensorflow.python.keras import backend as LK


class ChannelStats(Layer):
    def __init__(self, eps=1e-3, **kwargs):
        super(ChannelStats, self).__init__(**kwargs)
        self.eps = eps
        self.input_spec = InputSpec(min_ndim=3)

    def build(self, input_shape):
        print("build got", input_shape, type(input_shape).__name__)
        self.channels = input_shape[-1]
        super(ChannelStats, self).build(input_shape)

    def call(self, inputs, other):
        mean, var = tf.nn.moments(inputs, axes=[1], keepdims=True)
        scaled = (inputs - mean) / tf.sqrt(var + self.eps)
        return scaled * LK.sum(other, axis=1, keepdims=True)


class Passthrough(Layer):
    pass


left = tf.keras.Input(shape=(6, 4))
right = tf.keras.Input(shape=(6, 4))
a = tf.keras.layers.Dense(4, kernel_initializer="ones", name="proj")(left)
stats = ChannelStats()
out = stats(a, right)
print(stats.channels, stats.built)
out = Passthrough()(out)
pooled = LK.expand_dims(LK.mean(out, axis=1), 1)
model = tf.keras.Model([left, right], [out, pooled])
model.summary()
print([layer.name for layer in model.layers])
x = np.linspace(-1.0, 1.0, 2 * 6 * 4).reshape(2, 6, 4).astype("float32")
y = np.ones((2, 6, 4), dtype="float32") / 10
first, second = model.predict([x, y], verbose=0)
print(np.round(first[0, :2], 4))
print(np.round(second, 4))
