# What EarlyStopping keeps after a seeded fit: the epoch it stopped at, how long it waited, the
# best monitored value and its epoch; before any fit it has stopped at 0 and waited 0.
import numpy as np
from tensorflow import keras

rng = np.random.RandomState(4)
features = rng.rand(40, 3).astype("float32")
labels = rng.randint(0, 2, 40)

keras.utils.set_random_seed(9)
model = keras.Sequential(
    [keras.Input(shape=(3,)), keras.layers.Dense(6, activation="relu"),
     keras.layers.Dense(1, activation="sigmoid")]
)
model.compile(optimizer=keras.optimizers.Adam(0.05), loss="binary_crossentropy",
              metrics=["accuracy"])
stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=2,
                                        restore_best_weights=True)
print(stopper.stopped_epoch, stopper.wait)
history = model.fit(features, labels, epochs=40, batch_size=8, validation_split=0.25,
                    shuffle=False, verbose=0, callbacks=[stopper])
print(stopper.stopped_epoch, stopper.wait, stopper.best_epoch)
print(round(stopper.best, 4), stopper.best == min(history.history["val_loss"]))
print(len(history.history["loss"]), history.epoch[-1])

by_accuracy = keras.callbacks.EarlyStopping(monitor="accuracy", patience=1, mode="max")
history = model.fit(features, labels, epochs=10, batch_size=8, shuffle=False, verbose=0,
                    callbacks=[by_accuracy])
print(by_accuracy.stopped_epoch, by_accuracy.wait, by_accuracy.best_epoch, by_accuracy.best)
print(len(history.history["loss"]))
