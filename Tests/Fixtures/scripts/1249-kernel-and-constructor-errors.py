# Errors real code meets when a shape or a constructor is wrong, in the library's own words:
# TensorFlow's concat and stack kernels (checked value by value; the kernel is named after how
# many values it joins), NumPy's randint bounds (`high <= 0` when low is 0), and tf-keras'
# Model that sets a layer before calling its own __init__.
import numpy as np
import tensorflow as tf
from tensorflow import keras


def attempt(label, thunk):
    try:
        result = thunk()
        if isinstance(result, (tf.Tensor, np.ndarray)):
            result = tuple(result.shape)
        elif not isinstance(result, int):
            result = type(result).__name__
        print(label, "->", result)
    except Exception as error:
        print(label, "->", type(error).__name__ + ":", error)


grid = tf.ones((2, 3))
attempt("concat columns", lambda: tf.concat([grid, tf.ones((2, 4))], axis=1))
attempt("concat rows mismatch", lambda: tf.concat([grid, tf.ones((3, 2))], axis=0))
attempt("concat third differs", lambda: tf.concat([grid, grid, tf.ones((2, 5))], axis=0))
attempt("concat later dim", lambda: tf.concat([tf.ones((2, 3, 4)), tf.ones((5, 3, 6))], axis=0))
attempt("concat ranks", lambda: tf.concat([grid, tf.ones((4,))], axis=0))
attempt("concat bad axis", lambda: tf.concat([grid, grid], axis=2))
attempt("concat negative axis", lambda: tf.concat([grid, grid], axis=-3))
attempt("concat scalars", lambda: tf.concat([tf.constant(1.0), tf.constant(2.0)], axis=0))
attempt("concat one value", lambda: tf.concat([grid], axis=9))
attempt("stack mismatch", lambda: tf.stack([grid, grid, tf.ones((3, 2))]))
attempt("stack along last", lambda: tf.stack([grid, grid], axis=-1))

np.random.seed(3)
for low, high in [(0, 0), (0, -4), (6, 2), (5, 5), (-3, -7)]:
    attempt(f"randint({low}, {high})", lambda: np.random.randint(low, high, size=2))
attempt("randint(0)", lambda: np.random.randint(0))
attempt("randint(-2)", lambda: np.random.randint(-2))
attempt("randint int32 high", lambda: np.random.randint(1, 2**31 + 1, dtype="int32"))
print(np.random.randint(2, 9, size=4))


class Forgetful(keras.Model):
    def __init__(self):
        self.head = keras.layers.Dense(3)
        super().__init__()


class Counted(keras.Model):
    def __init__(self):
        self.width = 8
        self.names = ["a", "b"]
        super().__init__()
        self.head = keras.layers.Dense(self.width)


attempt("model before init", Forgetful)
attempt("plain values first", lambda: Counted().width)


attempt("depthwise multiplier 0", lambda: keras.layers.DepthwiseConv2D(3, depth_multiplier=0))
attempt("separable multiplier -2", lambda: keras.layers.SeparableConv2D(4, 3, depth_multiplier=-2))
attempt("pop of nothing", lambda: keras.Sequential().pop())

# A Lambda's declared output_shape: Keras 3 shows it (batch axis first) without running the
# function; tf-keras runs the function.
declared = keras.Sequential(
    [
        keras.Input((6,)),
        keras.layers.Lambda(lambda t: t * 0.5, output_shape=(None,)),
        keras.layers.Lambda(lambda t: t[:, :3], output_shape=(3,)),
    ]
)
declared.summary()
