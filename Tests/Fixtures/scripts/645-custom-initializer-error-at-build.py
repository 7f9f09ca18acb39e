# An error inside a custom initializer surfaces at the layer call that builds the layer: a
# convolution initializer that unpacks four kernel dimensions, given to a Dense layer too.
from tensorflow import keras
from tensorflow.keras import backend as K
from tensorflow.keras import layers


class FanOutNormal(keras.initializers.Initializer):
    def __call__(self, shape, dtype=None):
        kernel_height, kernel_width, _, filters = shape
        fan_out = int(kernel_height * kernel_width * filters)
        print("drawing", tuple(shape), fan_out)
        return K.random_normal(shape, mean=0.0, stddev=(2.0 / fan_out) ** 0.5, dtype=dtype)


inputs = keras.Input(shape=(16, 16, 3))
conv = layers.Conv2D(8, 3, padding="same", kernel_initializer=FanOutNormal(), use_bias=False)
print("constructed")
x = conv(inputs)
x = layers.GlobalAveragePooling2D()(x)
print([tuple(w.shape) for w in conv.weights])
outputs = layers.Dense(4, kernel_initializer=FanOutNormal())(x)
model = keras.Model(inputs, outputs)
model.summary()
