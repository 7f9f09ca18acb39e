# Tabular data scaled with scikit-learn's StandardScaler before a Keras regressor: fit on the
# training rows only, the same statistics applied to validation and test rows, a constant column
# kept at scale 1, float32 rows scaled in float32, integer rows as float64, inverse_transform back
# to the original units, the fitted attributes, and scikit-learn's errors for a transform before
# fit and for rows of another width.
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from tensorflow import keras

rng = np.random.RandomState(7)
features = rng.normal(size=(60, 4)) * [2.0, 30.0, 0.01, 1.0] + [10.0, -200.0, 0.5, 3.0]
features[:, 3] = 3.0
prices = features[:, 0] * 0.5 - features[:, 1] * 0.01 + 1.0

X_train, X_test, y_train, y_test = train_test_split(features, prices, random_state=0)
X_train, X_valid, y_train, y_valid = train_test_split(X_train, y_train, random_state=0)

scaler = StandardScaler()
try:
    scaler.transform(X_test)
except Exception as error:
    print(type(error).__name__, error)
X_train_scaled = scaler.fit_transform(X_train)
X_valid_scaled = scaler.transform(X_valid)
X_test_scaled = scaler.transform(X_test)
print(scaler, scaler.n_features_in_, scaler.n_samples_seen_)
print(np.round(scaler.mean_, 6), np.round(scaler.var_, 6))
print(scaler.scale_[3], np.round(X_train_scaled.mean(axis=0), 12), np.round(X_train_scaled.std(axis=0), 12))
print(np.round(X_test_scaled[:2], 6))
print(np.allclose(scaler.inverse_transform(X_test_scaled), X_test), scaler.inverse_transform(X_test_scaled[:1]))

small = StandardScaler().fit(X_train.astype(np.float32))
print(small.transform(X_valid.astype(np.float32)[:2]), small.transform(X_valid[:1].astype(np.float32)).dtype)
print(StandardScaler().fit_transform([[1, 10], [2, 20], [4, 60]]))
try:
    scaler.transform(X_test[:, :2])
except ValueError as error:
    print("ValueError:", error)

keras.utils.set_random_seed(11)
model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(16, activation="relu"),
                          keras.layers.Dense(1)])
model.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse", metrics=["mae"])
history = model.fit(X_train_scaled, y_train, validation_data=(X_valid_scaled, y_valid), epochs=3,
                    batch_size=16, shuffle=False, verbose=0)
print([round(value, 4) for value in history.history["val_mae"]])
print(np.round(model.predict(X_test_scaled[:3], verbose=0).ravel(), 4))
