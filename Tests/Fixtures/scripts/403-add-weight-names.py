"""The names of a custom layer's weights: its name, then the weight's, whether given by position."""
import tensorflow as tf


class Scale(tf.keras.layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape):
        self.kernel = self.add_weight("kernel", shape=(int(input_shape[-1]), self.units))
        self.offset = self.add_weight(shape=(self.units,), initializer="zeros", name="offset")
        self.extra = self.add_weight(shape=(self.units,), initializer="ones")

    def call(self, inputs):
        return tf.matmul(inputs, self.kernel) + self.offset * self.extra


layer = Scale(3, name="scale")
_ = layer(tf.zeros([2, 4]))
print([v.name for v in layer.weights])
print([v.shape for v in layer.trainable_variables])
model = tf.keras.Sequential([tf.keras.Input((4,)), Scale(2), Scale(5)])
print([v.name for v in model.weights])
