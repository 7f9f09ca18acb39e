# Older model code asks a symbolic tensor for its static shape with get_shape(): tf-keras'
# KerasTensor has it, Keras 3's has only `.shape`.
from tensorflow import keras

image = keras.Input((48, 48, 3))
features = keras.layers.Conv2D(8, 3, strides=2)(image)
print(features.shape)
print(features.get_shape().as_list())
