# Asking a layer that was never called for its input tensor.
import keras

pool = keras.layers.MaxPooling2D(name="pool")
features = pool.input
print(features)
