# Convolutions with few filters, run on data whose every value is known: the last digit of each
# printed value depends on the order TensorFlow adds a patch's products in.
import numpy as np
from tensorflow import keras

np.random.seed(7)


def show(name, values):
    flat = values.ravel()
    print(name, values.shape, " ".join(repr(float(v)) for v in flat))


# A residual-style 2x2 "same" convolution with constant kernels, on a batch of three images.
images = np.concatenate(
    [np.full((1, 4, 4, 4), level, dtype="float32") for level in (-1.0, 1.0, 8.995503)]
)
square = keras.layers.Conv2D(4, 2, padding="same", kernel_initializer=keras.initializers.Constant(1))
show("constant 2x2:", square(images).numpy()[2])

# The same shapes with drawn weights and inputs.
x = np.random.randn(3, 4, 4, 4).astype("float32")
for filters, size, padding in [(2, 3, "same"), (4, 2, "same"), (5, 3, "valid"), (8, 1, "valid")]:
    conv = keras.layers.Conv2D(filters, size, padding=padding)
    conv.build((None, 4, 4, 4))
    conv.set_weights(
        [np.random.randn(size, size, 4, filters).astype("float32"), np.zeros(filters, "float32")]
    )
    show(f"{filters} filters {size}x{size} {padding}:", conv(x).numpy())

# Twenty filters: the first sixteen sum in one chain, the last four as the small layers do.
wide = keras.layers.Conv2D(20, 3, padding="same", use_bias=False)
wide.build((None, 4, 4, 4))
wide.set_weights([np.random.randn(3, 3, 4, 20).astype("float32")])
out = wide(x).numpy()
show("filters 0-15:", out[..., :16])
show("filters 16-19:", out[..., 16:])

# One filter: a matrix-vector product.
single = keras.layers.Conv2D(1, 3, padding="same", activation="relu")
single.build((None, 4, 4, 4))
single.set_weights([np.random.randn(3, 3, 4, 1).astype("float32"), np.array([0.25], "float32")])
show("one filter:", single(x).numpy())

# Conv1D with three filters over a sequence.
seq = np.random.randn(2, 8, 5).astype("float32")
conv1 = keras.layers.Conv1D(3, 3)
conv1.build((None, 8, 5))
conv1.set_weights([np.random.randn(3, 5, 3).astype("float32"), np.ones(3, "float32")])
show("conv1d:", conv1(seq).numpy())
