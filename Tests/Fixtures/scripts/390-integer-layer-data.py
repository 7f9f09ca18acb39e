# Integer data given to layers called at once: token ids (int64) and pixels (uint8).
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

sample = np.array([[[10, 2], [1, 3], [1, 1]]])
pooled = layers.GlobalAveragePooling1D()(sample)
print(pooled.shape, pooled.dtype)
print("mean of ints:", pooled.numpy())
print(pooled)
print(layers.GlobalAveragePooling1D()(np.array([[[-1], [-2]], [[7], [0]]])))
print(layers.GlobalMaxPooling1D()(sample))
print(layers.Flatten()(sample).numpy())
print(layers.MaxPooling1D()(sample))
print(layers.ReLU()(np.array([[-3, 4]])))

tokens = np.array([[1, 2, 3, 0]])
embedded = tf.keras.Sequential([layers.Embedding(10, 4), layers.GlobalAveragePooling1D()])(tokens)
print(embedded.shape, embedded.dtype)

image = np.full((1, 4, 6, 3), 128, dtype="uint8")
print(layers.Rescaling(1.0 / 255)(np.array([[0, 128, 255]], dtype="uint8")))
print(layers.Flatten()(image).dtype)
resize_and_rescale = tf.keras.Sequential([layers.Resizing(2, 3), layers.Rescaling(1.0 / 255)])
result = resize_and_rescale(image)
print(result.shape, result.dtype)
print(result.numpy()[0, 0])

with_input = tf.keras.Sequential([tf.keras.Input(shape=(2,)), layers.Flatten()])
print(with_input(np.array([[1, 2]], dtype="uint8")))
without_input = tf.keras.Sequential([layers.Flatten(), layers.ReLU()])
print(without_input(np.array([[1, 2]], dtype="uint8")))
