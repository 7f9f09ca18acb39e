# tf-keras: eager tensors, layers and models called on constant and integer data
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers
x = tf.random.uniform((2, 4, 4, 3))
y = layers.Conv2D(2, 3)(x)
print(y.shape, y.dtype, y)
ids = np.array([[[10, 2], [1, 3], [1, 1]]])
print(layers.GlobalAveragePooling1D()(ids), layers.GlobalMaxPooling1D()(ids).numpy())
img = np.full((1, 6, 6, 3), 200, dtype="uint8")
m = tf.keras.Sequential([layers.Resizing(3, 3), layers.Rescaling(1 / 255), layers.Flatten()])
print(m(img))
print(tf.keras.Sequential([layers.Embedding(20, 4), layers.GlobalAveragePooling1D()])(np.array([[1, 2, 19]])))
# %%
z = layers.MaxPooling2D()(np.arange(32).reshape(1, 4, 4, 2))
print(z, layers.ReLU()(z), layers.UpSampling1D(2)(np.array([[[1], [-2]]])))
print(layers.Flatten()(tf.zeros((2, 3))), layers.Dense(3)(tf.ones((1, 2))).numpy().shape)
