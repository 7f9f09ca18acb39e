# Under the Eigen engine TensorFlow's convolution is one product with a row per output position
# of the whole batch and a column per filter, and the rows left over from groups of six sum in
# their own order: the last one or two without FMA (each product rounded, then added to one of
# two chains), the last three in two FMA chains. Seeded Conv2D and Conv1D layers (3x3, 1x1,
# strided, dilated, valid and same) whose position counts leave 1, 2 or 3, predict and calls.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

configs = [
    (layers.Conv2D, dict(filters=16, kernel_size=3, padding="same"), (5, 5, 6), 1),
    (layers.Conv2D, dict(filters=24, kernel_size=3, padding="same"), (7, 7, 6), 1),
    (layers.Conv2D, dict(filters=20, kernel_size=3, padding="same"), (5, 5, 4), 2),
    (layers.Conv2D, dict(filters=12, kernel_size=3, padding="same"), (3, 3, 6), 3),
    (layers.Conv2D, dict(filters=32, kernel_size=3, padding="same", activation="relu"), (3, 3, 5), 3),
    (layers.Conv2D, dict(filters=5, kernel_size=3), (7, 7, 3), 1),
    (layers.Conv2D, dict(filters=10, kernel_size=1), (3, 3, 7), 1),
    (layers.Conv2D, dict(filters=3, kernel_size=1), (5, 5, 7), 1),
    (layers.Conv2D, dict(filters=16, kernel_size=3, strides=2), (9, 9, 4), 2),
    (layers.Conv2D, dict(filters=8, kernel_size=3, dilation_rate=2, padding="same"), (5, 5, 3), 2),
    (layers.Conv1D, dict(filters=16, kernel_size=3, padding="same"), (13, 5), 1),
    (layers.Conv1D, dict(filters=12, kernel_size=5), (11, 9), 1),
]
for index, (kind, settings, shape, batch) in enumerate(configs):
    keras.utils.set_random_seed(80 + index)
    layer = kind(**settings, bias_initializer="random_normal")
    model = keras.Sequential([keras.Input(shape), layer])
    x = np.cos(np.arange(batch * int(np.prod(shape)), dtype="float32") * 0.29).reshape((batch,) + shape)
    predicted = model.predict(x, verbose=0)
    filters = predicted.shape[-1]
    positions = predicted.size // filters
    print(kind.__name__, predicted.shape, positions % 6, np.array_equal(predicted, np.asarray(layer(x))))
    print(predicted.reshape(-1, filters)[-3:].tolist())
