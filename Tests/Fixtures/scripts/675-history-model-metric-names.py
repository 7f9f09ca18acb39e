# After training: the history's model, the metric names and a labelled evaluation.
import numpy as np
import tensorflow as tf
from tensorflow import keras

clf = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3, activation="softmax")])
clf.compile(optimizer="sgd", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
print("before:", clf.metrics_names)
clf.set_weights([np.full((4, 3), 0.05, "float32") * np.arange(3, dtype="float32"),
                 np.zeros(3, "float32")])
data = np.linspace(0, 1, 40, dtype="float32").reshape(10, 4)
labels = np.array([0, 1, 2, 2, 1, 0, 2, 2, 1, 2])
run = clf.fit(data, labels, epochs=2, batch_size=5, shuffle=False, verbose=0,
              validation_data=(data[:4], labels[:4]))
print(run.model is clf, run.model.name, len(run.model.layers))
print("after:", clf.metrics_names)
scores = clf.evaluate(data, labels, verbose=0)
report = dict(zip(clf.metrics_names, scores))
print({name: round(value, 4) for name, value in report.items()})
print(clf.loss, type(clf.optimizer).__name__)
