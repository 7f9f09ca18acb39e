"""Batch-level callbacks: a per-batch loss recorder (the classic on_batch_end pattern), a
callback that overrides on_train_batch_begin and calls the base class (which forwards to
on_batch_begin), the on_test_* hooks during validation and evaluate, the on_predict_* hooks with
each batch's outputs, and stop_training set in the middle of an epoch."""
import numpy as np
from tensorflow import keras


class BatchLosses(keras.callbacks.Callback):
    def on_train_begin(self, logs={}):
        self.losses = []
        self.accuracies = []

    def on_batch_end(self, batch, logs={}):
        self.losses.append(round(logs.get("loss"), 5))
        self.accuracies.append(round(logs["accuracy"], 4))


class Chatty(keras.callbacks.Callback):
    def on_train_batch_begin(self, batch, logs=None):
        print("begin batch", batch, logs)
        super().on_train_batch_begin(batch, logs)

    def on_batch_begin(self, batch, logs=None):
        print("  (forwarded)", batch)

    def on_test_begin(self, logs=None):
        print("validating", logs)

    def on_test_batch_end(self, batch, logs=None):
        print("  val batch", batch, [(k, round(v, 4)) for k, v in logs.items()])

    def on_test_end(self, logs=None):
        print("validated", list(logs))


class StopAt(keras.callbacks.Callback):
    def __init__(self, batches):
        super().__init__()
        self.batches = batches
        self.count = 0

    def on_train_batch_end(self, batch, logs=None):
        self.count += 1
        if self.count == self.batches:
            print(f"stopping after batch {batch}")
            self.model.stop_training = True


class PredictionSizes(keras.callbacks.Callback):
    def on_predict_begin(self, logs=None):
        self.sizes = []

    def on_predict_batch_end(self, batch, logs=None):
        self.sizes.append(logs["outputs"].shape)

    def on_predict_end(self, logs=None):
        print("predicted batches:", self.sizes)


rows = np.arange(28, dtype="float32").reshape(14, 2)
x = (rows % 7 - 3.0) / 3.0
y = (x[:, :1] + 0.5 * x[:, 1:] > 0).astype("float32")
model = keras.Sequential([
    keras.Input(shape=(2,)),
    keras.layers.Dense(3, activation="tanh", kernel_initializer=keras.initializers.Constant(0.4)),
    keras.layers.Dense(1, activation="sigmoid", kernel_initializer="ones"),
])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.2), loss="binary_crossentropy",
              metrics=["accuracy"])
recorder = BatchLosses()
history = model.fit(x, y, batch_size=5, epochs=2, shuffle=False, verbose=0,
                    validation_data=(x[:6], y[:6]), callbacks=[recorder, Chatty()])
print(recorder.losses)
print(recorder.accuracies)
print(len(history.history["loss"]), round(history.history["val_loss"][-1], 4))

stopper = StopAt(4)
history = model.fit(x, y, batch_size=5, epochs=5, shuffle=False, verbose=0, callbacks=[stopper, recorder])
print(history.epoch, [round(v, 4) for v in history.history["loss"]], recorder.losses)

print([round(v, 4) for v in model.evaluate(x, y, batch_size=8, verbose=0, callbacks=[Chatty()])])
sizes = PredictionSizes()
print(model.predict(x, batch_size=4, verbose=0, callbacks=[sizes]).shape)
