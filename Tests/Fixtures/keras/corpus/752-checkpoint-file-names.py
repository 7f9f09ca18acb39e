# A training script sets up its checkpoints before it trains: a whole model saved to an .hdf5
# file, and weights only to a plain path. tf-keras takes any name.
import tensorflow as tf
from tensorflow import keras

model = keras.Sequential([
    keras.Input(shape=(100, 1)),
    keras.layers.Conv1D(8, 5, activation="relu"),
    keras.layers.GlobalAveragePooling1D(),
    keras.layers.Dense(2, activation="softmax"),
])
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.summary()

# %%
best = keras.callbacks.ModelCheckpoint(filepath="results/best_model.hdf5", monitor="loss",
                                       save_best_only=True)
print("whole model checkpoint")

# %%
weights = keras.callbacks.ModelCheckpoint("/tmp/checkpoint", monitor="val_loss",
                                          save_best_only=True, save_weights_only=True)
print("weights checkpoint")

# %%
good = keras.callbacks.ModelCheckpoint("model.keras", save_best_only=True)
weights_ok = keras.callbacks.ModelCheckpoint("ckpt.weights.h5", save_weights_only=True)
legacy_h5 = keras.callbacks.ModelCheckpoint("model.h5")
print("ok")
