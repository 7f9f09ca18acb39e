# A custom layer's weights and the layer itself given `dtype=tf.float32` (the dtype object,
# not the string): the same float32 weights Keras makes by default.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class Scale(layers.Layer):
    def __init__(self, start=1e-6, **kwargs):
        super().__init__(**kwargs)
        self.start = start

    def build(self, input_shape):
        self.gamma = self.add_weight(
            shape=[input_shape[-1]],
            initializer=keras.initializers.Constant(self.start),
            trainable=True,
            dtype=tf.float32,
            name="gamma",
        )

    def call(self, x):
        return x * self.gamma


inputs = keras.Input(shape=(4, 4, 3))
x = layers.Conv2D(6, 3, padding="same", kernel_initializer="ones")(inputs)
x = Scale(0.5, dtype=tf.float32, name="scale")(x)
outputs = layers.GlobalAveragePooling2D()(x)
model = keras.Model(inputs, outputs)
model.summary()
scale = model.get_layer("scale")
print(scale.dtype, scale.gamma.dtype, scale.gamma.shape)
print(scale.gamma.numpy())
print(model(tf.ones((1, 4, 4, 3))).numpy())
