# A Sequential model defined without an input shape: its summary before and after build(), and
# after it is called on an Input.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    layers.Dense(32, activation="relu"),
    layers.Dropout(0.2),
    layers.Dense(3, activation="softmax"),
])
model.summary()
print(model.built)

# %%
model.build((None, 20))
model.summary()
print(model.built, model.count_params())

# %%
other = keras.Sequential([layers.Conv2D(4, 3), layers.Flatten(), layers.Dense(2)])
y = other(keras.Input((10, 10, 1)))
other.summary()
