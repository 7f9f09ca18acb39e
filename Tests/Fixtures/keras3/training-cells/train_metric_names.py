"""Metric names as each Keras reports them: a metric object's own `name=`, strings kept as given
('acc', 'ACC'), weighted_metrics (a taken name gets `weighted_`), per-output lists and dicts of a
model with two outputs, evaluate's list (Keras 3 orders it by model.metrics, then by name), and one
epoch with verbose (no "Epoch 1/1" line)."""
import numpy as np
from tensorflow import keras

x = np.linspace(-1.0, 1.0, 48, dtype="float32").reshape(12, 4)
labels = (np.arange(12) % 3 == 0).astype("int32")
values = x[:, :1] * 0.5 + 0.25


def classifier(metrics, **settings):
    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(2, activation="softmax")])
    model.set_weights([np.linspace(-0.5, 0.5, 8).reshape(4, 2), np.zeros(2)])
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss="sparse_categorical_crossentropy",
                  metrics=metrics, **settings)
    return model


model = classifier([keras.metrics.SparseCategoricalAccuracy(name="acc")])
history = model.fit(x, labels, epochs=2, batch_size=5, shuffle=False, verbose=2,
                    validation_data=(x[:6], labels[:6]))
print(list(history.history))
print(model.evaluate(x, labels, verbose=0))

model = classifier(["ACC", keras.metrics.SparseCategoricalAccuracy("spelled out")],
                   weighted_metrics=["ACC"])
history = model.fit(x, labels, epochs=1, batch_size=6, shuffle=False, verbose=2)
print(list(history.history))
print(model.evaluate(x, labels, verbose=0))
print(model.evaluate(x, labels, verbose=0, return_dict=True))

inputs = keras.Input(shape=(4,))
hidden = keras.layers.Dense(3, activation="tanh", name="hidden")(inputs)
kind = keras.layers.Dense(2, activation="softmax", name="kind")(hidden)
size = keras.layers.Dense(1, name="size")(hidden)
twin = keras.Model(inputs, [kind, size])
start = [w.copy() for w in twin.get_weights()]
for index, weight in enumerate(start):
    start[index] = np.linspace(-0.4, 0.6, weight.size).reshape(weight.shape)
for metrics, weighted in [
    ([["accuracy"], [keras.metrics.MeanAbsoluteError(name="err")]], None),
    ({"kind": keras.metrics.SparseCategoricalAccuracy(name="hits"), "size": ["mae", "mse"]},
     {"size": "mae"}),
]:
    twin.set_weights(start)
    twin.compile(optimizer=keras.optimizers.SGD(0.05), loss=["sparse_categorical_crossentropy", "mse"],
                 metrics=metrics, weighted_metrics=weighted)
    history = twin.fit(x, [labels, values], epochs=1, batch_size=12, shuffle=False, verbose=0)
    print(list(history.history))
    print(twin.evaluate(x, [labels, values], verbose=0))
