import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

np.random.seed(0)
base_lr = np.float32(3e-4)
schedule = [base_lr * np.float32(0.5) ** epoch for epoch in range(4)]
print(schedule)
print([f"{lr:.2e}" for lr in schedule], schedule[-1] < base_lr)

units = np.int64(64)
model = keras.Sequential([
    keras.Input(shape=(10,)),
    layers.Dense(int(units), activation="relu"),
    layers.Dropout(np.float32(0.25)),
    layers.Dense(1),
])
print(model.layers[0].units, type(units).__name__, units * 2, repr(units // 3))
print(model.count_params() / np.float32(1000), np.float64(model.count_params()) / 1e3)
ratio = np.float32(model.count_params()) / np.float32(1e6)
print("%.4f M params" % ratio, str(ratio), repr(ratio), ratio.item())
print(np.float32(model.count_params()) * np.float32(1e3), -np.float32(0.1), np.float32(1) / 3)
