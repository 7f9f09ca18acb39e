# A model compiled with settings only training reads: an optimizer by name or object that
# ConvBook does not train with, a Huber loss, gradient clipping and a learning-rate schedule.
# Keras' compile checks only the optimizer's name; the summary must still print.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(16, 16, 3)),
    layers.Conv2D(8, 3, activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(4, activation="softmax"),
])
model.compile(optimizer="nadam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.summary()

# %%
decay = keras.optimizers.schedules.ExponentialDecay(0.01, decay_steps=1000, decay_rate=0.9)
model.compile(optimizer=keras.optimizers.SGD(learning_rate=decay, clipnorm=1.0),
              loss=keras.losses.Huber(), metrics=["mae"])
model.compile(optimizer=keras.optimizers.Adadelta(), loss="categorical_crossentropy")
print("compiled three times")

# %%
inputs = keras.Input(shape=(6,))
hidden = layers.Dense(12, activation="relu")(inputs)
first = layers.Dense(1, name="first")(hidden)
second = layers.Dense(1, name="second")(hidden)
pair = keras.Model(inputs, [first, second])
pair.compile(optimizer="adamax", loss=("mse", "mae"), loss_weights=(0.7, 0.3))
pair.summary()

# %%
model.compile(optimizer="adamm", loss="mse")
