# Weights after fit: a model whose first values are Keras' own (drawn from the script's seed, or
# constant), trained on the script's data with no draw of ConvBook's own (unshuffled, or shuffled
# by TensorFlow's seeded order; no dropout), holds the values TensorFlow's training leaves, so
# get_weights(), a layer's variables and predict all print them. train_on_batch keeps them too.
import numpy as np
import tensorflow as tf
from tensorflow import keras

keras.utils.set_random_seed(7)
pixels = np.random.RandomState(3).uniform(size=(24, 6, 6, 1)).astype("float32")
classes = np.arange(24) % 3
net = keras.Sequential(
    [
        keras.Input((6, 6, 1)),
        keras.layers.Conv2D(4, 3, activation="relu"),
        keras.layers.MaxPooling2D(),
        keras.layers.Flatten(),
        keras.layers.Dense(3, activation="softmax"),
    ]
)
net.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
history = net.fit(pixels, classes, batch_size=8, epochs=3, verbose=0, shuffle=False)
print(history.history["loss"])
print(net.layers[0].get_weights()[1])
print([weight.ravel().tolist()[:4] for weight in net.get_weights()])
print(net.predict(pixels[:2], verbose=0))

grid = np.linspace(-1, 1, 40, dtype="float32").reshape(20, 2)
target = (grid @ np.array([[2.0], [-1.0]], dtype="float32") + 0.5).astype("float32")
line = keras.Sequential(
    [
        keras.Input((2,)),
        keras.layers.Dense(3, activation="tanh", kernel_initializer=keras.initializers.Constant(0.3)),
        keras.layers.Dense(1, kernel_initializer="ones"),
    ]
)
line.compile(optimizer=keras.optimizers.SGD(0.05, momentum=0.9), loss="mse")
line.fit(grid, target, batch_size=5, epochs=6, verbose=0)
print(line.get_weights())
print(line.layers[1].kernel.numpy().ravel().tolist())
line.train_on_batch(grid[:4], target[:4])
print(line.layers[1].bias.numpy().tolist())
print(line.predict(grid[:3], verbose=0).ravel().tolist())
