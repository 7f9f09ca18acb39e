# Keras 3 draws a Dropout layer's training mask as TensorFlow's stateless uniform numbers seeded
# with the layer's SeedGenerator state [seed, calls so far] (the seed comes from Python's random
# when the layer is made, or from seed=), keeps the values at or above the rate and scales them
# by float32(1 / (1 - rate)). A second fit continues the count. tf-keras' Dropout draws from
# stateful random ops whose op seeds depend on its graph, so only Keras 3 prints the training.
import numpy as np
import keras
from keras import layers

x = np.cos(np.arange(24 * 6, dtype="float32") * 0.21).reshape(24, 6)
y = (x.sum(axis=1) > 0).astype("float32")
images = np.sin(np.arange(12 * 6 * 6 * 3, dtype="float32") * 0.17).reshape(12, 6, 6, 3)
labels = np.arange(12) % 3
keras3 = keras.__version__.startswith("3.")

keras.utils.set_random_seed(9)
dense = keras.Sequential([
    keras.Input((6,)),
    layers.Dense(16, activation="relu"),
    layers.Dropout(0.3),
    layers.Dense(8, activation="tanh"),
    layers.Dropout(0.5, seed=4),
    layers.Dense(1, activation="sigmoid"),
])
dense.compile(optimizer="adam", loss="binary_crossentropy")
if keras3:
    first = dense.fit(x, y, epochs=3, batch_size=8, shuffle=False, verbose=0)
    second = dense.fit(x, y, epochs=2, batch_size=8, shuffle=False, verbose=0)
    print(first.history["loss"], second.history["loss"])
    print(dense.predict(x[:4], verbose=0).ravel().tolist())

keras.utils.set_random_seed(12)
conv = keras.Sequential([
    keras.Input((6, 6, 3)),
    layers.Conv2D(4, 3, activation="relu"),
    layers.SpatialDropout2D(0.25),
    layers.Flatten(),
    layers.Dropout(0.2),
    layers.Dense(3, activation="softmax"),
])
conv.compile(optimizer=keras.optimizers.SGD(0.1), loss="sparse_categorical_crossentropy")
if keras3:
    history = conv.fit(images, labels, epochs=3, batch_size=4, shuffle=False, verbose=0)
    print(history.history["loss"])
    print(conv.get_weights()[-1].tolist())
print(dense.count_params(), conv.count_params())
