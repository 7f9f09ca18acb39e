# Regularization layers that keep shapes: noise, dropout variants, activity regularization.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(64, 8)),
    layers.GaussianNoise(0.1),
    layers.Conv1D(16, 5, padding="same", activation="relu"),
    layers.SpatialDropout1D(0.2),
    layers.Conv1D(16, 5, padding="same", activation="relu"),
    layers.GaussianDropout(0.1),
    layers.GlobalMaxPooling1D(),
    layers.Dense(32, activation="selu", kernel_initializer="lecun_normal"),
    layers.AlphaDropout(0.1),
    layers.ActivityRegularization(l1=1e-5, l2=1e-4),
    layers.Dense(3, activation="softmax"),
])
model.summary()
