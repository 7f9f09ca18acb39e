# A univariate series scaled to [0, 1] (and a second scaler to [-1, 1]) with scikit-learn's
# MinMaxScaler before an LSTM-style windowing for Keras: the scaler fitted on the training part
# only, its attributes, float32 rows, a constant column kept at scale 1, the prediction scaled
# back with inverse_transform, and the errors for an unfitted scaler and a reversed range.
import numpy as np
from sklearn.preprocessing import MinMaxScaler
from tensorflow import keras

series = (np.sin(np.arange(80) / 6.0) * 20 + np.arange(80) * 0.5 + 100).reshape(-1, 1)
train, test = series[:60], series[60:]

try:
    MinMaxScaler().transform(train)
except Exception as error:
    print(type(error).__name__, error)

scaler = MinMaxScaler()
train_scaled = scaler.fit_transform(train)
test_scaled = scaler.transform(test)
print(scaler, scaler.data_min_, scaler.data_max_, scaler.scale_, scaler.min_, scaler.n_samples_seen_)
print(np.round(test_scaled[:4].ravel(), 6), test_scaled.max() > 1)

symmetric = MinMaxScaler(feature_range=(-1, 1))
both = np.hstack([series, np.full((80, 1), 3.0)]).astype(np.float32)
both_scaled = symmetric.fit_transform(both)
print(symmetric, both_scaled.dtype, symmetric.scale_, both_scaled[:2])
try:
    MinMaxScaler(feature_range=(1, 0)).fit(train)
except ValueError as error:
    print("ValueError:", error)


def windows(values, width):
    xs = np.array([values[i:i + width] for i in range(len(values) - width)])
    return xs, values[width:]


x_train, y_train = windows(train_scaled, 5)
print(x_train.shape, y_train.shape)
keras.utils.set_random_seed(2)
model = keras.Sequential([keras.Input(shape=(5, 1)), keras.layers.Flatten(),
                          keras.layers.Dense(8, activation="tanh"), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(x_train, y_train, epochs=2, batch_size=8, shuffle=False, verbose=0)
x_test, y_test = windows(test_scaled, 5)
predicted = scaler.inverse_transform(model.predict(x_test[:3], verbose=0))
print(np.round(predicted.ravel(), 3), np.round(scaler.inverse_transform(y_test[:3]).ravel(), 3))
