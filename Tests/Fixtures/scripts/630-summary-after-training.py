# After training, Keras 3's summary also counts the optimizer's variables (iteration,
# learning rate and one slot set per trainable weight); a fresh compile forgets them.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

features = np.linspace(0.0, 1.0, 48, dtype="float32").reshape(12, 4)
labels = np.arange(12) % 3

classifier = keras.Sequential(
    [keras.Input((4,)), layers.Dense(6, activation="relu"), layers.Dense(3, activation="softmax")],
    name="tiny_classifier",
)
classifier.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
classifier.evaluate(features, labels, verbose=0)
classifier.summary()
classifier.fit(features, labels, epochs=1, batch_size=4, verbose=0)
classifier.summary()

classifier.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
classifier.summary()
classifier.fit(features, labels, epochs=1, batch_size=6, verbose=0)
classifier.summary()

inputs = keras.Input((4,))
hidden = layers.Dense(5, name="frozen_dense")(inputs)
hidden = layers.BatchNormalization()(hidden)
outputs = layers.Dense(1)(hidden)
regressor = keras.Model(inputs, outputs, name="regressor")
regressor.get_layer("frozen_dense").trainable = False
regressor.compile(
    optimizer=keras.optimizers.RMSprop(learning_rate=0.01, centered=True),
    loss="mse",
)
regressor.fit(features, features[:, :1], epochs=2, batch_size=12, verbose=0)
regressor.summary()

pusher = keras.Sequential([keras.Input((4,)), layers.Dense(2)])
pusher.compile(optimizer=keras.optimizers.SGD(momentum=0.8), loss="mse")
pusher.fit(features, features[:, :2], verbose=0)
pusher.summary()
