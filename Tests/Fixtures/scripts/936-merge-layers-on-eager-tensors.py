# Merge layers run at once on eager tensors and arrays, as a residual block is often checked
# outside a model; a tuple inside a NumPy index picks positions as a list does.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

main = tf.fill((2, 3, 3, 4), 0.5)
shortcut = tf.ones((2, 3, 3, 4))
summed = layers.Add()([shortcut, main])
print(summed.shape, summed.dtype)
print(summed[0, 0, 0].numpy())
print(layers.add([main, main, shortcut])[1, 2, 2])
print(layers.Subtract()([main, shortcut]).numpy().sum())
print(layers.Multiply()([main, main])[0, 1, 1, :2])
print(layers.Average()([main, shortcut])[0, 0, 0])
print(layers.Maximum()([main, shortcut]).numpy().max(), layers.Minimum()([main, shortcut]).numpy().min())
joined = layers.Concatenate(axis=-1)([main, shortcut])
print(joined.shape, joined[0, 0, 0])
print(layers.concatenate([main, shortcut], axis=1).shape)

rows = np.arange(8, dtype="float32").reshape(2, 4)
ones = np.ones((2, 4))
print(layers.Dot(axes=1)([rows, ones]))
print(layers.Add()([rows, ones]))
adder = layers.Add()
print(adder([rows, rows]).numpy().tolist(), adder.built)

block = layers.Activation("relu")(layers.Add()([shortcut, layers.Conv2D(4, 1, kernel_initializer="ones")(main)]))
print(block.shape, block[0, 0, 0].numpy())
print(np.around(block.numpy()[:, (0, -1), :, :].mean(axis=3), 3))
grid = np.arange(24).reshape(2, 3, 4)
print(grid[:, (0, -1)], grid[0, (1, 2), (0, 3)])

for pair in [(main, tf.ones((2, 3, 3, 5))), (main, tf.ones((2, 4, 3, 4)))]:
    for layer in [layers.Add(), layers.Concatenate()]:
        try:
            layer(list(pair))
        except ValueError as error:
            print("ValueError:", error)
