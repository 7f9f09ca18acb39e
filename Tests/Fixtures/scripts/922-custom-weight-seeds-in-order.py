# A seeded script whose custom layer makes a random weight in __init__: both Kerases draw that
# initializer's seed when add_weight runs, so the Dense layer made after it starts from the next
# seed; a constant weight of the custom layer prints before the layer is first called.
import tensorflow as tf
from tensorflow import keras


class Scale(keras.layers.Layer):
    def __init__(self, units=3, input_dim=2):
        super().__init__()
        self.w = self.add_weight(shape=(input_dim, units), initializer="random_normal")
        self.b = self.add_weight(shape=(units,), initializer="ones", name="offset")

    def call(self, inputs):
        return tf.matmul(inputs, self.w) + self.b


keras.utils.set_random_seed(4)
scale = Scale()
print(scale.b.numpy())
dense = keras.layers.Dense(3)
dense.build((None, 2))
print(dense.kernel.numpy())
print(scale(tf.ones((1, 2))).numpy().round(5))
