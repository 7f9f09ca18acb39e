# A dropout layer written with keras.random.dropout and a SeedGenerator, as the Keras 3 guides
# write it, used inside a subclassed model and a functional one; training runs through it.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

ops = keras.ops


class NoisyDrop(layers.Layer):
    def __init__(self, rate, **kwargs):
        super().__init__(**kwargs)
        self.rate = rate
        self.seed_generator = keras.random.SeedGenerator(7)

    def call(self, inputs, training=None):
        if training:
            return keras.random.dropout(inputs, self.rate, seed=self.seed_generator)
        return inputs


class AlwaysDrop(layers.Layer):
    def __init__(self, rate):
        super().__init__()
        self.rate = rate
        self.seed_generator = keras.random.SeedGenerator(11)

    def call(self, inputs):
        return keras.random.dropout(inputs, rate=self.rate, seed=self.seed_generator)


class Classifier(keras.Model):
    def __init__(self):
        super().__init__()
        self.hidden = layers.Dense(16, activation="relu")
        self.drop = AlwaysDrop(0.25)
        self.out = layers.Dense(3, activation="softmax")

    def call(self, x):
        return self.out(self.drop(self.hidden(x)))


features = keras.Input((6,))
hidden = layers.Dense(8, activation="relu")(features)
dropped = NoisyDrop(0.5, name="noisy_drop")(hidden)
model = keras.Model(features, layers.Dense(1)(dropped))
model.summary()
x = np.linspace(0, 1, 60, dtype="float32").reshape(10, 6)
y = x.sum(axis=1).reshape(10, 1)
model.compile(optimizer="adam", loss="mse")
history = model.fit(x, y, epochs=2, batch_size=5, verbose=0)
print(sorted(history.history), len(history.history["loss"]))
print(model.predict(x[:2], verbose=0).shape)

classifier = Classifier()
classifier.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
classifier.fit(x, np.arange(10) % 3, epochs=1, verbose=0)
classifier.summary()
print(len(classifier.trainable_weights), classifier.drop.rate)
