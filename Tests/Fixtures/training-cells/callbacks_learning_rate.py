import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

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
plateau = keras.callbacks.ReduceLROnPlateau(monitor="loss", factor=0.5, patience=1, min_delta=0.5, verbose=1)
checkpoint = keras.callbacks.ModelCheckpoint("best.npz", monitor="loss", save_best_only=True, save_weights_only=True, verbose=1)
history = model.fit(x, y, epochs=3, batch_size=10, shuffle=False, verbose=2, callbacks=[plateau, checkpoint])
print(sorted(history.history))
print(model.evaluate(x, y, verbose=0))
