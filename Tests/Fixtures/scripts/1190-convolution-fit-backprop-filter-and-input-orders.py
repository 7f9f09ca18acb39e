# Inside fit TensorFlow's Conv2D gradients run its own CPU kernels under the Eigen engine: the
# kernel gradient is one product with a row per (kh, kw, channel), a column per filter and the
# batch's output positions as the summed index (two chains for a short last block of filters,
# its own order for the rows left over from groups of six, pieces past 256 positions), the input
# gradient is the transposed convolution of the output gradient, and the bias gradient adds the
# positions in order (two halves once they are many). Seeded small CNNs, both Kerases (a Conv1D
# regressor's later epochs still differ: left open).
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

images = np.sin(np.arange(16 * 10 * 10 * 3, dtype="float32") * 0.13).reshape(16, 10, 10, 3)
labels = np.arange(16) % 3

keras.utils.set_random_seed(5)
small = keras.Sequential([
    keras.Input((10, 10, 3)),
    layers.Conv2D(6, 3, activation="relu"),
    layers.Conv2D(5, 3, padding="same", activation="relu"),
    layers.Flatten(),
    layers.Dense(3, activation="softmax"),
])
small.compile(optimizer=keras.optimizers.SGD(0.05), loss="sparse_categorical_crossentropy")
history = small.fit(images, labels, epochs=3, batch_size=2, shuffle=False, verbose=0)
print(history.history["loss"])
print([weight.shape for weight in small.get_weights()])

keras.utils.set_random_seed(6)
pooled = keras.Sequential([
    keras.Input((10, 10, 3)),
    layers.Conv2D(16, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(20, 3, strides=2, padding="same"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(3, activation="softmax"),
])
pooled.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
history = pooled.fit(images, labels, epochs=3, batch_size=8, shuffle=False, verbose=0)
print(history.history)
print(pooled.evaluate(images, labels, verbose=0))
print(pooled.get_weights()[0].reshape(-1)[:4].tolist())
