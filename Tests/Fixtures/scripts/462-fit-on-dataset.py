import numpy as np
import tensorflow as tf
from tensorflow import keras

x = (np.arange(20, dtype="float32") / 10.0 - 1.0).reshape(10, 2)
y = (x[:, :1] * 0.5 - x[:, 1:] * 0.25).astype("float32")


def make_model():
    model = keras.Sequential([
        keras.Input(shape=(2,)),
        keras.layers.Dense(3, activation="tanh", kernel_initializer="ones", bias_initializer="zeros"),
        keras.layers.Dense(1, kernel_initializer="ones", bias_initializer="zeros"),
    ])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05), loss="mse", metrics=["mae"])
    return model


train = tf.data.Dataset.from_tensor_slices((x, y)).batch(4)
valid = tf.data.Dataset.from_tensor_slices((x[:6], y[:6])).batch(3).prefetch(tf.data.AUTOTUNE)

with_dataset = make_model()
history = with_dataset.fit(train, epochs=3, validation_data=valid, verbose=0)
for name in sorted(history.history):
    print(name, [round(v, 5) for v in history.history[name]])

with_arrays = make_model()
history = with_arrays.fit(x, y, batch_size=4, epochs=3, shuffle=False, validation_data=(x[:6], y[:6]), verbose=0)
print("arrays", [round(v, 5) for v in history.history["loss"]])

print([round(v, 5) for v in with_dataset.evaluate(train, verbose=0)])
print(with_dataset.predict(train, verbose=0).round(4).reshape(-1))
print(with_dataset.predict(tf.data.Dataset.from_tensor_slices(x).batch(5), verbose=0).shape)

looped = make_model()
history = looped.fit(train.repeat(), epochs=2, steps_per_epoch=3, verbose=0)
print("repeat", [round(v, 5) for v in history.history["loss"]])

scaled = tf.data.Dataset.from_tensor_slices((x, y)).map(lambda a, b: (a * 2.0, b)).batch(5)
mapped = make_model()
print("map", round(mapped.fit(scaled, verbose=0).history["loss"][0], 5))

try:
    make_model().fit(train, y, epochs=1, verbose=0)
except ValueError as error:
    print("ValueError:", error)
