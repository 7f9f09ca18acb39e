import numpy as np
import keras
from keras import layers

n = np.arange(40 * 5).reshape(40, 5)
x = ((n * 7) - ((n * 7) // 11) * 11 - 5).astype("float32") / 5.0
y = (x[:, 0] + x[:, 1] > x[:, 2]).astype("float32")


def make_model():
    model = keras.Sequential([
        keras.Input(shape=(5,)),
        layers.Dense(4, activation="tanh", kernel_initializer=keras.initializers.Constant(0.1), bias_initializer=keras.initializers.Constant(0.02)),
        layers.Dense(1, activation="sigmoid", kernel_initializer=keras.initializers.Constant(-0.2)),
    ])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.8), loss="binary_crossentropy", metrics=["accuracy"])
    return model


model = make_model()
early = keras.callbacks.EarlyStopping(monitor="val_loss", patience=1, min_delta=0.001, restore_best_weights=True, verbose=1)
history = model.fit(x, y, epochs=20, batch_size=8, validation_split=0.25, shuffle=False, verbose=2, callbacks=[early])
print(len(history.history["loss"]), history.epoch, sorted(history.history))
print(model.evaluate(x, y, verbose=0))
print([round(float(v), 4) for v in model.predict(x[:3], verbose=0)[:, 0]])

# mode="max" on the validation accuracy, start_from_epoch, a baseline it never beats
model = make_model()
stop = keras.callbacks.EarlyStopping(monitor="val_accuracy", mode="max", patience=2, start_from_epoch=2, verbose=1)
history = model.fit(x, y, epochs=12, batch_size=8, validation_split=0.25, shuffle=False, verbose=0, callbacks=[stop])
print(len(history.history["loss"]), history.epoch[-1])
model = make_model()
stop = keras.callbacks.EarlyStopping(monitor="loss", baseline=0.05, patience=3, restore_best_weights=True, verbose=1)
history = model.fit(x, y, epochs=10, batch_size=8, shuffle=False, verbose=0, callbacks=[stop])
print(len(history.history["loss"]), [round(v, 4) for v in history.history["loss"]])
print(model.evaluate(x, y, verbose=0))

# "auto" on accuracy maximizes; min_delta in "auto" mode
model = make_model()
stop = keras.callbacks.EarlyStopping(monitor="accuracy", patience=1, min_delta=0.05, verbose=1)
history = model.fit(x, y, epochs=10, batch_size=8, shuffle=False, verbose=2, callbacks=[stop, keras.callbacks.History()])
print(len(history.history["loss"]), history.history["accuracy"])
