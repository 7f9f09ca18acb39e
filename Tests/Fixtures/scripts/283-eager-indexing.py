# Indexing, slicing and reshaping eager tensors.
import tensorflow as tf

grid = tf.reshape(tf.range(12), (3, 4))
print(grid)
print(grid[1], grid[-1, -1])
print(grid[:, 1:3])
print(grid[::2, ::-1])
print(grid[..., tf.newaxis].shape, grid[None].shape)
print(tf.transpose(grid))
print(tf.expand_dims(grid, axis=0).shape, tf.squeeze(tf.zeros((1, 3, 1))).shape)
print(tf.concat([grid, grid * 10], axis=0).shape)
print(tf.concat([grid, grid], axis=1))
print(tf.stack([grid[0], grid[1]], axis=1))
first, second = tf.split(grid, 2, axis=1)
print(first)
print(tf.shape(grid), tf.size(grid), tf.rank(grid))
print(tf.reshape(grid, (-1,)))
