import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

n = np.arange(40 * 5).reshape(40, 5)
x = ((n * 7) - ((n * 7) // 11) * 11 - 5).astype("float32") / 5.0
y = (x[:, 0] + x[:, 1] > x[:, 2]).astype("float32")
model = keras.Sequential([
    keras.Input(shape=(5,)),
    layers.Dense(4, activation="tanh", kernel_initializer=keras.initializers.Constant(0.1), bias_initializer=keras.initializers.Constant(0.02)),
    layers.Dense(1, activation="sigmoid", kernel_initializer=keras.initializers.Constant(-0.2)),
])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.8), loss="binary_crossentropy", metrics=["accuracy"])
early = keras.callbacks.EarlyStopping(monitor="val_loss", patience=1, min_delta=0.001, restore_best_weights=True, verbose=1)
history = model.fit(x, y, epochs=20, batch_size=8, validation_split=0.25, shuffle=False, verbose=2, callbacks=[early])
print(len(history.history["loss"]), history.epoch)
print(model.evaluate(x, y, verbose=0))
stop = keras.callbacks.EarlyStopping(monitor="accuracy", patience=2)
history = model.fit(x, y, epochs=6, batch_size=8, shuffle=False, verbose=0, callbacks=[stop])
print(len(history.history["loss"]))
