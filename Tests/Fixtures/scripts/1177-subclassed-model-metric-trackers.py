# A subclassed model that keeps keras.metrics objects as attributes (loss trackers for a custom
# train_step): tf-keras tracks each metric's variables (Mean: total and count, Sum: total) as
# non-trainable weights of the model, so its summary, count_params() and weight lists count them;
# Keras 3 tracks metrics apart from the weights. A functional model of two outputs held by the
# model (a VAE's encoder) shows both output shapes in tf-keras' row.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers


features = keras.Input((3,))
hidden = layers.Dense(4, activation="relu")(features)
encoder = keras.Model(features, [layers.Dense(2)(hidden), layers.Dense(2)(hidden)], name="encoder")


class Tracked(keras.Model):
    def __init__(self):
        super().__init__()
        self.seen = keras.metrics.Sum(name="seen")
        self.encoder = encoder
        self.body = layers.Dense(4, activation="relu")
        self.head = layers.Dense(2)
        self.loss_tracker = keras.metrics.Mean(name="loss")
        self.more = [keras.metrics.SparseCategoricalAccuracy(), keras.metrics.Mean(name="gap")]

    def call(self, x):
        mean, spread = self.encoder(x)
        return self.head(self.body(mean + spread))


model = Tracked()
model(np.zeros((1, 3), "float32"))
model.summary()
print(model.count_params())
print(len(model.weights), len(model.trainable_weights), len(model.non_trainable_weights))
print([w.name for w in model.weights])
print([w.name for w in model.non_trainable_weights])
print([m.name for m in model.metrics])
model.compile(optimizer="adam", loss="mse")
model.summary()
