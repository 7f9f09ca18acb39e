# A Dense layer over more than 256 inputs: TensorFlow's contraction sums each output in pieces of
# the inputs (Eigen's blocking by cache size and thread count, each piece in oneDNN's sgemm
# blocks), so the last digits depend on where the pieces start. Heads after a Flatten are the
# common case: 600, 800, 1568 and 5408 inputs, called eagerly and through predict.
import numpy as np
from tensorflow import keras

rng = np.random.default_rng(11)


def show(label, values):
    flat = np.asarray(values).ravel()
    print(label, [float(v) for v in flat[:4]], [float(v) for v in flat[-4:]], float(flat.sum()))


for rows, inputs, units in [(2, 600, 8), (32, 800, 10), (32, 1568, 64), (10, 5408, 16), (40, 676, 12)]:
    keras.utils.set_random_seed(inputs)
    model = keras.Sequential([keras.Input((inputs,)), keras.layers.Dense(units, activation="relu")])
    x = rng.standard_normal((rows, inputs)).astype("float32")
    show(f"{rows}x{inputs} -> {units} predict:", model.predict(x, verbose=0))
    show(f"{rows}x{inputs} -> {units} call:", model(x).numpy())

# A small CNN head: 13 x 13 x 32 = 5408 values into Dense(32), a batch of 32 and a short last one.
keras.utils.set_random_seed(3)
cnn = keras.Sequential([
    keras.Input((28, 28, 1)),
    keras.layers.Conv2D(32, 3, activation="relu"),
    keras.layers.MaxPooling2D(),
    keras.layers.Flatten(),
    keras.layers.Dense(32, activation="relu"),
    keras.layers.Dense(10),
])
images = rng.random((44, 28, 28, 1)).astype("float32")
out = cnn.predict(images, verbose=0)
show("cnn first batch:", out[:32])
show("cnn last batch:", out[32:])
