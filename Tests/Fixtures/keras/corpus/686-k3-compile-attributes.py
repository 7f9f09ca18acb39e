# What a model says about its training setup before and after compile().
# %%
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(3, activation="softmax")])
print(model.optimizer)

# %%
print(model.loss)

# %%
print(model.metrics_names)

# %%
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
print(type(model.optimizer).__name__, model.optimizer.name)
print(model.loss)
print(model.metrics_names)

# %%
model.compile(optimizer=keras.optimizers.SGD(0.1), loss=keras.losses.MeanSquaredError(), metrics=["mae"])
print(type(model.optimizer).__name__, model.optimizer.name)
print(type(model.loss).__name__)
print(model.metrics_names)

# %%
plain = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(1)])
plain.compile(optimizer=keras.optimizers.RMSprop(name="tuned"), loss="mse")
print(plain.optimizer.name)
print(plain.metrics_names)
