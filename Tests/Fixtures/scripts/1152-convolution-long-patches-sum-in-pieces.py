# Convolutions whose patch has more than 256 values (3x3 over 32 or 64 channels, a 1x1 over 300,
# a 1-D kernel of 5 over 100): TensorFlow's Conv2D is a contraction of the image patches with
# the kernel, and it sums each output in pieces of the patch as a MatMul does. The same layers
# in predict, where Keras 3 runs TensorFlow's kernels too (no XLA without an accelerator), with a
# last block of 4 filters (20 = 16 + 4) summed in two chains.
import numpy as np
import keras

rng = np.random.default_rng(5)


def show(label, values):
    flat = np.asarray(values).ravel()
    print(label, [float(v) for v in flat[:3]], [float(v) for v in flat[-3:]], float(flat.sum()))


cases = [
    ("3x3 over 32", (6, 6, 32), lambda: keras.layers.Conv2D(20, 3, padding="same")),
    ("3x3 over 64", (6, 6, 64), lambda: keras.layers.Conv2D(32, 3, padding="same", activation="relu")),
    ("1x1 over 300", (6, 6, 300), lambda: keras.layers.Conv2D(16, 1)),
    ("5 over 100", (30, 100), lambda: keras.layers.Conv1D(12, 5)),
]
for label, shape, make in cases:
    keras.utils.set_random_seed(len(label))
    model = keras.Sequential([keras.Input(shape), make()])
    x = rng.standard_normal((2,) + shape).astype("float32")
    show(label + " predict:", model.predict(x, verbose=0))
    show(label + " call:", model(x))
