# A seeded script starts from TensorFlow's own weights: keras.utils.set_random_seed gives every
# unseeded initializer its seed, an initializer's seed= its own; the layers draw in Keras' order.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

keras.utils.set_random_seed(2024)

dense = keras.Sequential([
    keras.Input(shape=(6,)),
    layers.Dense(5, activation="relu"),
    layers.Dropout(0.25),
    layers.Dense(4, kernel_initializer="he_normal", bias_initializer="random_normal"),
    layers.Dense(3, kernel_initializer=keras.initializers.RandomUniform(-0.2, 0.2, seed=11)),
    layers.Dense(2, kernel_initializer="lecun_uniform"),
], name="dense_stack")

tokens = keras.Sequential([
    keras.Input(shape=(4,)),
    layers.Embedding(12, 3),
    layers.GaussianNoise(0.1),
    layers.SimpleRNN(2, return_sequences=True),
    layers.GRU(2, return_sequences=True),
    layers.LSTM(2),
], name="token_stack")

images = keras.Sequential([
    keras.Input(shape=(5, 5, 2)),
    layers.Conv2D(3, 3, kernel_initializer="glorot_normal"),
    layers.Flatten(),
    layers.Dense(1, kernel_initializer=keras.initializers.TruncatedNormal(stddev=0.3)),
], name="image_stack")

for model in (dense, tokens, images):
    for weight in model.weights:
        print(weight.name, np.round(weight.numpy().ravel()[:5], 5))

x = np.linspace(-1.0, 1.0, 16 * 6).reshape(16, 6).astype("float32")
y = (np.arange(16) % 2).astype("float32")
net = keras.Sequential([
    keras.Input(shape=(6,)),
    layers.Dense(4, activation="tanh"),
    layers.Dense(1, activation="sigmoid"),
])
net.compile(optimizer=keras.optimizers.SGD(0.5), loss="binary_crossentropy")
history = net.fit(x, y, epochs=4, batch_size=16, shuffle=False, verbose=0)
print([round(value, 4) for value in history.history["loss"]])
print(round(net.evaluate(x, y, verbose=0), 4))
print(np.round(net.predict(x[:3], verbose=0).ravel(), 4))
