"""A Callback subclass that prints from on_train_begin, on_epoch_begin, on_epoch_end and
on_train_end and stops the training once the loss is small enough (self.model.stop_training),
beside EarlyStopping; the history has the epochs that ran."""
import numpy as np
import tensorflow as tf
from tensorflow import keras


class StopBelow(keras.callbacks.Callback):
    def __init__(self, threshold):
        super().__init__()
        self.threshold = threshold
        self.seen = []

    def on_train_begin(self, logs=None):
        print("training", self.model.name, logs)

    def on_epoch_begin(self, epoch, logs=None):
        if epoch == 0:
            print("first epoch starts")

    def on_epoch_end(self, epoch, logs=None):
        self.seen.append(sorted(logs))
        if logs["loss"] < self.threshold:
            print(f"\nLoss {logs['loss']:.3f} is below {self.threshold}, stopping after epoch {epoch + 1}")
            self.model.stop_training = True

    def on_train_end(self, logs=None):
        print("done with", sorted(logs))


x = (np.arange(24, dtype="float32").reshape(12, 2) - 12.0) / 12.0
y = (x[:, :1] * 0.5 - x[:, 1:] * 0.25).astype("float32")
model = keras.Sequential([
    keras.Input(shape=(2,)),
    keras.layers.Dense(1, kernel_initializer="zeros"),
], name="line")
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.5), loss="mse", metrics=["mae"])
stopper = StopBelow(0.01)
history = model.fit(x, y, epochs=30, batch_size=12, shuffle=False, verbose=0,
                    callbacks=[keras.callbacks.EarlyStopping(monitor="loss", patience=50), stopper])
print(history.epoch[-1] + 1, len(stopper.seen), stopper.seen[0])
print(model.stop_training)
history = model.fit(x, y, epochs=2, batch_size=12, verbose=0, validation_data=(x, y),
                    callbacks=[stopper])
print(stopper.seen[-1], len(history.epoch))
