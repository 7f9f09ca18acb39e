# A 2-D convolution applied to a volume (5-D tensor) after 3-D layers: tf-keras convolves the last
# three axes of each slice, Keras 3 refuses because the kernel has fewer axes than the input.
from tensorflow import keras

scan = keras.layers.Input(shape=(6, 16, 16, 2))
x = keras.layers.Conv3D(4, 3, strides=(2, 2, 2), padding="same")(scan)
print(x.shape)
y = keras.layers.Conv2D(filters=5, kernel_size=(3, 3))(x)
print(y.shape)
