# Building a convolution on a shape without the batch axis: tf-keras makes the kernel from the
# last size (the rank is checked only when the layer is called); Keras 3 refuses the shape.
import numpy as np
from tensorflow import keras

layer = keras.layers.Conv2D(filters=1, kernel_size=(3, 3), padding="same")
layer.build((4, 4, 1))
kernel, bias = layer.get_weights()
print(kernel.shape, bias.shape)
layer.set_weights([np.ones_like(kernel), np.zeros_like(bias)])
image = np.arange(16, dtype="float32").reshape((1, 4, 4, 1))
print(layer(image).numpy().squeeze())
