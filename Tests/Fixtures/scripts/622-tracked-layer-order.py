# Subclassed models whose layers sit in lists filled in one loop and in a tuple, with an
# attribute assigned twice and a layer popped again: tf-keras lists the layers attribute by
# attribute, Keras 3 in the order its tracker first saw them. Keras 3 builds the layers of a model
# that `predict` builds on the first batch (its size in the summary); `fit` on an unknown batch.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers


class Branches(keras.Model):
    def __init__(self, widths, **kwargs):
        super().__init__(**kwargs)
        self.convolutions = []
        self.poolings = []
        for width in widths:
            self.convolutions.append(layers.Conv1D(4, width, activation="relu"))
            self.poolings.append(layers.GlobalMaxPooling1D())
        self.head = layers.Dense(3)
        self.head = layers.Dense(1, activation="sigmoid")

    def call(self, inputs):
        pooled = [pool(conv(inputs)) for conv, pool in zip(self.convolutions, self.poolings)]
        return self.head(layers.concatenate(pooled))


class Keyed(keras.Model):
    def __init__(self):
        super().__init__()
        self.pair = (layers.Dense(5), layers.Dense(4))
        self.extra = []
        self.extra.append(layers.Dense(7))
        self.extra.insert(0, layers.Dense(6))
        self.extra.pop()
        self.out = layers.Dense(1)

    def call(self, inputs):
        x = self.pair[1](self.pair[0](inputs))
        return self.out(self.extra[0](x))


x = np.random.RandomState(1).rand(50, 12, 2).astype("float32")
y = (x[:, 0, :1] > 0.5).astype("float32")

branches = Branches([2, 3, 4])
branches.compile("adam", "binary_crossentropy")
print(branches.predict(x, batch_size=20, verbose=0).shape)
print([layer.name for layer in branches.layers])
branches.summary()

trained = Branches([3], name="trained")
trained.compile("adam", "binary_crossentropy")
trained.fit(x, y, epochs=1, verbose=0)
trained.summary()

predicted = Branches([5], name="predicted")
print(predicted.predict(x[:9], verbose=0).shape)
predicted.summary()

keyed = Keyed()
print([layer.name for layer in keyed.layers])
print(keyed.predict(np.ones((40, 3), dtype="float32"), verbose=0).shape)
keyed.summary()
