"""Imbalanced labels: class_weight computed from the label counts (a dict of NumPy floats, as
scikit-learn's helper gives), sample_weight in fit and evaluate, a weighted validation tuple and
a validation split beside class weights; the metrics stay unweighted, as in Keras."""
import numpy as np
from tensorflow import keras

grid = np.arange(40, dtype="float32").reshape(20, 2)
x = np.sin(grid * 0.7)
labels = (x[:, 0] + x[:, 1] > 0.9).astype("int32")
counts = np.bincount(labels)
print("counts:", counts.tolist())
balanced = len(labels) / (2 * counts)
class_weight = dict(enumerate(balanced))
print({k: round(float(v), 4) for k, v in class_weight.items()})


def make(units, activation):
    model = keras.Sequential([
        keras.Input(shape=(2,)),
        keras.layers.Dense(4, activation="relu", kernel_initializer=keras.initializers.Constant(0.5)),
        keras.layers.Dense(units, activation=activation, kernel_initializer=keras.initializers.Constant(-0.2)),
    ])
    return model


model = make(1, "sigmoid")
model.compile(optimizer=keras.optimizers.Adam(0.05), loss="binary_crossentropy", metrics=["accuracy"])
history = model.fit(x, labels.reshape(-1, 1).astype("float32"), epochs=3, batch_size=8, shuffle=False,
                    verbose=0, class_weight=class_weight, validation_split=0.25)
for key in sorted(history.history):
    print(key, [round(v, 4) for v in history.history[key]])

model = make(2, "softmax")
model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
weights = np.where(labels == 1, 3.0, 1.0)
history = model.fit(x, labels, epochs=2, batch_size=6, shuffle=False, verbose=0, sample_weight=weights,
                    validation_data=(x[:8], labels[:8], weights[:8]))
print({k: [round(v, 4) for v in vs] for k, vs in history.history.items()})
loss, accuracy = model.evaluate(x, labels, batch_size=7, verbose=0, sample_weight=weights)
print(round(loss, 4), round(accuracy, 4))
print(round(model.evaluate(x, labels, verbose=0)[0], 4))

onehot = keras.utils.to_categorical(labels, 2)
model = make(2, "softmax")
model.compile(optimizer=keras.optimizers.RMSprop(0.01), loss="categorical_crossentropy", metrics=["accuracy"])
history = model.fit(x, onehot, epochs=2, batch_size=10, shuffle=False, verbose=0, class_weight={0: 0.25, 1: 2})
print([round(v, 4) for v in history.history["loss"]])
