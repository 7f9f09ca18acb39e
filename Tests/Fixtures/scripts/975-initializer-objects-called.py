# An initializer object called on a shape returns a float32 tensor: a seeded one draws TensorFlow's
# stateless values for [seed, 0] (the same on every call), the lower-case names are the classes
# themselves, and zeros/constants need no seed.
import tensorflow as tf
from tensorflow import keras

spread = keras.initializers.RandomNormal(mean=1.0, stddev=0.5, seed=7)
print(spread(shape=(2, 3)))
print(spread((2, 3)))

uniform = keras.initializers.glorot_uniform(seed=11)
print(type(uniform).__name__)
print(uniform(shape=(3, 2), dtype="float32"))

print(keras.initializers.HeNormal(seed=5)((4,)).shape)
print(keras.initializers.LecunUniform(3)(shape=[1, 4]).numpy())
print(keras.initializers.Zeros()(shape=[2, 2]))
print(keras.initializers.Constant(3.0)((3,)))

kernel = tf.Variable(keras.initializers.RandomUniform(-1.0, 1.0, seed=2)(shape=(2, 2)))
print(kernel.shape, kernel.dtype)
