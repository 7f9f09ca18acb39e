import numpy as np
import keras
from keras import layers

n = np.arange(30 * 4).reshape(30, 4)
x = ((n * 5) - ((n * 5) // 9) * 9 - 4).astype("float32") / 4.0
y = x[:, :2] * 0.5 - x[:, 2:] * 0.25
model = keras.Sequential([
    keras.Input(shape=(4,)),
    layers.Dense(3, activation="relu", kernel_initializer=keras.initializers.Constant(0.2)),
    layers.Dense(2, kernel_initializer=keras.initializers.Constant(0.1)),
])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1, momentum=0.5), loss="mse", metrics=["mae"])
def schedule(epoch, lr):
    if epoch < 2:
        return lr
    return lr * 0.5
history = model.fit(x, y, epochs=4, batch_size=10, shuffle=False, verbose=2,
                    callbacks=[keras.callbacks.LearningRateScheduler(schedule, verbose=1)])
print(sorted(history.history))
print(history.history["learning_rate"])
plateau = keras.callbacks.ReduceLROnPlateau(monitor="loss", factor=0.5, patience=1, min_delta=0.5, verbose=1)
checkpoint = keras.callbacks.ModelCheckpoint("best.weights.h5", monitor="loss", save_best_only=True, save_weights_only=True, verbose=1)
history = model.fit(x, y, epochs=3, batch_size=10, shuffle=False, verbose=2, callbacks=[plateau, checkpoint])
print(sorted(history.history))
print(model.evaluate(x, y, verbose=0))

# File name patterns: the epoch and the logs, formatted as str.format does.
every = keras.callbacks.ModelCheckpoint("w-{epoch:02d}-{loss:.3f}.weights.h5", monitor="loss", save_weights_only=True, verbose=1)
best = keras.callbacks.ModelCheckpoint("ckpt/best-{epoch}.weights.h5", monitor="mae", mode="min", save_best_only=True, save_weights_only=True, verbose=0)
log = keras.callbacks.CSVLogger("log.csv")
history = model.fit(x, y, epochs=3, batch_size=10, validation_split=0.2, shuffle=False, verbose=0, callbacks=[every, best, log, keras.callbacks.History()])
print(len(history.epoch), model.evaluate(x, y, verbose=0))
print([[round(float(v), 4) for v in row] for row in model.predict(x[:2], verbose=0)])

# ReduceLROnPlateau on the validation loss with a cooldown and a floor.
plateau = keras.callbacks.ReduceLROnPlateau(factor=0.2, patience=0, cooldown=1, min_lr=0.001, min_delta=0.01, verbose=1)
history = model.fit(x, y, epochs=5, batch_size=10, validation_split=0.2, shuffle=False, verbose=2, callbacks=[plateau])
print([round(v, 6) for v in history.history["learning_rate"]])
