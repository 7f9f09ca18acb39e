# TensorFlow's CPU transposed convolution (Conv2DBackpropInput, the Eigen engine) multiplies each
# image's pixels by the kernel laid out as a (channels, taps x filters) matrix, summing like a
# MatMul of that image's pixels, and then adds every product into the output value it lands on,
# pixels in row order and taps in order, before the bias. Seeded 1-D and 2-D layers with strides,
# both paddings, output_padding, few and many filters, predict and direct calls in both Kerases.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

np.set_printoptions(precision=9)
configs = [
    (layers.Conv2DTranspose, dict(filters=4, kernel_size=3, strides=2, padding="same"), (5, 5, 3)),
    (layers.Conv2DTranspose, dict(filters=1, kernel_size=2, strides=2), (4, 4, 2)),
    (layers.Conv2DTranspose, dict(filters=9, kernel_size=3, activation="relu"), (6, 6, 4)),
    (layers.Conv2DTranspose, dict(filters=20, kernel_size=4, strides=2, padding="same"), (3, 3, 8)),
    (layers.Conv2DTranspose, dict(filters=6, kernel_size=3, strides=2, output_padding=1), (4, 4, 5)),
    (layers.Conv2DTranspose, dict(filters=16, kernel_size=(2, 3), strides=(3, 2)), (3, 4, 12)),
    (layers.Conv1DTranspose, dict(filters=7, kernel_size=5, strides=2, padding="same"), (9, 6)),
    (layers.Conv1DTranspose, dict(filters=3, kernel_size=3, strides=3), (5, 10)),
]
for index, (kind, settings, shape) in enumerate(configs):
    keras.utils.set_random_seed(60 + index)
    layer = kind(**settings, bias_initializer="random_normal")
    model = keras.Sequential([keras.Input(shape), layer])
    x = np.cos(np.arange(3 * int(np.prod(shape)), dtype="float32") * 0.61).reshape((3,) + shape)
    predicted = model.predict(x, verbose=0)
    print(kind.__name__, predicted.shape, np.array_equal(predicted, np.asarray(layer(x))))
    print(predicted.reshape(3, -1)[:, :4])
    print(predicted.reshape(3, -1)[:, -3:])
    print(float(predicted.astype("float64").sum()))

keras.utils.set_random_seed(70)
decoder = keras.Sequential([
    keras.Input((8,)),
    layers.Dense(3 * 3 * 16, activation="relu"),
    layers.Reshape((3, 3, 16)),
    layers.Conv2DTranspose(8, 3, strides=2, padding="same", activation="relu"),
    layers.Conv2DTranspose(1, 3, strides=2, padding="same", activation="sigmoid"),
])
codes = np.sin(np.arange(5 * 8, dtype="float32")).reshape(5, 8)
images = decoder.predict(codes, verbose=0)
print(images.shape)
print(images.reshape(5, -1)[:, ::7])
