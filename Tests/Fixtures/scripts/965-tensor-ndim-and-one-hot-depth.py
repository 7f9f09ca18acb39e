# The number of axes of a symbolic tensor: Keras 3's KerasTensor has `ndim` (tf-keras' has not),
# and the TensorFlow tensor a custom layer's call() traces has it under both; Keras 3's
# ops.one_hot with a negative number of classes fails in TensorFlow's OneHot kernel.
from tensorflow import keras


class Rank(keras.layers.Layer):
    def call(self, t):
        print("rank inside call():", t.ndim)
        return t * 2.0


image = keras.Input((8, 8, 3))
try:
    print("ndim:", image.ndim)
except AttributeError as error:
    print("AttributeError:", error)
doubled = Rank()(image)
print(doubled.shape)
try:
    pooled = keras.layers.GlobalAveragePooling2D()(doubled)
    print("pooled ndim:", pooled.ndim, type(pooled.ndim).__name__)
except AttributeError as error:
    print("AttributeError:", error)

try:
    print(keras.ops.one_hot([1, 0, 2], 3))
    print(keras.ops.one_hot([1, 0, 2], -2))
except Exception as error:
    print(type(error).__name__)
    print(error)
