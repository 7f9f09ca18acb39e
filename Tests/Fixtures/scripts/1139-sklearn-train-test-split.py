# scikit-learn's train_test_split ahead of a Keras model: a held-out test set and then a
# validation set cut from the rest, as tabular tutorials do, with a fixed random_state (the rows
# of RandomState(seed).permutation, test rows first), NumPy's seeded global generator when
# random_state is left out, lists split alongside arrays, shuffle=False, sizes as counts and
# fractions, and scikit-learn's own errors for sizes that do not fit and lengths that differ.
import numpy as np
from sklearn.model_selection import train_test_split
from tensorflow import keras

features = (np.arange(120, dtype="float64").reshape(40, 3) % 11) / 10.0
targets = features @ np.array([0.5, -1.0, 2.0]) + 0.25
ids = [f"house-{i:02d}" for i in range(40)]

X_full, X_test, y_full, y_test, ids_full, ids_test = train_test_split(
    features, targets, ids, test_size=0.2, random_state=42)
X_train, X_valid, y_train, y_valid = train_test_split(X_full, y_full, random_state=42)
print(X_full.shape, X_test.shape, X_train.shape, X_valid.shape, y_valid.dtype)
print(ids_test)
print(np.round(y_test, 3))

np.random.seed(0)
first, second = train_test_split(list(range(10)), train_size=6)
print(first, second)
print(train_test_split(np.arange(6), shuffle=False, test_size=2))
print([len(part) for part in train_test_split(ids, train_size=0.55, test_size=0.3, random_state=1)])

for arguments in ({"test_size": 40}, {"test_size": 0.7, "train_size": 0.5},
                  {"train_size": 30, "test_size": 11}):
    try:
        train_test_split(features, **arguments)
    except ValueError as error:
        print("ValueError:", error)
try:
    train_test_split(features, targets[:-1], random_state=0)
except ValueError as error:
    print("ValueError:", error)

keras.utils.set_random_seed(3)
mean, std = X_train.mean(axis=0), X_train.std(axis=0)
X_train, X_valid, X_test = [(part - mean) / std for part in (X_train, X_valid, X_test)]
model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(8, activation="relu"),
                          keras.layers.Dense(1)])
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
history = model.fit(X_train, y_train, epochs=4, batch_size=8, validation_data=(X_valid, y_valid),
                    verbose=0)
print([round(loss, 5) for loss in history.history["val_loss"]])
print(round(model.evaluate(X_test, y_test, verbose=0), 5))
