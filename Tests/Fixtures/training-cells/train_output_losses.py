"""Each output's own loss of a two-output model over batches of unequal size: tf-keras averages
it over the samples, Keras 3 over the batches (its loss total stays a mean over samples), in
fit's history and progress line and in evaluate."""
import numpy as np
from tensorflow import keras

x = np.linspace(-1.0, 1.0, 40, dtype="float32").reshape(10, 4)
labels = (np.arange(10) % 3 == 0).astype("int32")
values = x[:, :1] * 0.5 + 0.25
inputs = keras.Input(shape=(4,))
hidden = keras.layers.Dense(3, activation="tanh", name="hidden")(inputs)
kind = keras.layers.Dense(2, activation="softmax", name="kind")(hidden)
size = keras.layers.Dense(1, name="size")(hidden)
twin = keras.Model(inputs, [kind, size])
twin.set_weights([np.linspace(-0.4, 0.6, w.size).reshape(w.shape) for w in twin.get_weights()])
twin.compile(optimizer=keras.optimizers.SGD(0.05), loss=["sparse_categorical_crossentropy", "mse"],
             loss_weights=[1.0, 0.5], metrics=[["accuracy"], []])
history = twin.fit(x, [labels, values], epochs=2, batch_size=4, shuffle=False, verbose=2,
                   validation_data=(x[:6], [labels[:6], values[:6]]))
print({name: [round(v, 5) for v in numbers] for name, numbers in history.history.items()})
print([round(v, 5) for v in twin.evaluate(x, [labels, values], batch_size=4, verbose=0)])
