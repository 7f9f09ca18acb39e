# preprocess_input of keras.applications on NumPy arrays: integer pixels become a float32 copy,
# a float array is changed in place (the caller's array holds the result), caffe mode hands back
# the channels reversed.
import numpy as np
from tensorflow.keras.applications import mobilenet_v2, vgg16, densenet

pixels = np.arange(24, dtype="uint8").reshape(1, 2, 4, 3) * 10
scaled = mobilenet_v2.preprocess_input(pixels)
print(scaled.dtype, scaled[0, 0])
print(pixels.dtype, pixels[0, 0, 0])

image = pixels.astype("float32")
out = mobilenet_v2.preprocess_input(image)
print(out[0, 1, 3], image[0, 1, 3])

batch = np.expand_dims(np.full((2, 2, 3), 128.0, dtype="float32"), axis=0)
batch = vgg16.preprocess_input(batch)
print(batch.dtype, batch.shape, batch[0, 0, 0])

keep = np.ones((1, 1, 2, 3)) * 200.0
flipped = vgg16.preprocess_input(keep)
print(keep.dtype, keep[0, 0, 0], flipped[0, 0, 0])

torchy = densenet.preprocess_input(np.full((1, 1, 1, 3), 64, dtype="int64"))
print(torchy.dtype, torchy.ravel())

x = np.linspace(0, 255, 6, dtype="float32").reshape(1, 1, 2, 3)
mobilenet_v2.preprocess_input(x)
print(x.ravel())
