# Mistakes students make in keras-io style code, each in its own cell.
# %%
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(28, 28)),
    layers.Dense(10, activation="softmax"),
    layers.Dense(1, activation="sigmoid"),
])
model.summary()

# %%
bad = keras.Sequential([keras.Input(shape=(32, 32, 3)), layers.Conv2D(8, 3, activaton="relu")])

# %%
layers.Dense(10, activation="softmaxx")

# %%
inputs = keras.Input(shape=(16,))
outputs = layers.Dense(4)(inputs)
keras.Model(inputs=inputs, outputs=outputs, name="bad/name")

# %%
x = keras.Input(shape=(8, 8, 3))
y = layers.Conv2D(4, 3)(x)
z = layers.Concatenate()([x, y])

# %%
leaky = keras.Sequential([
    keras.Input(shape=(6,)),
    layers.Dense(4),
    layers.LeakyReLU(alpha=0.1),
    layers.Dense(4),
    layers.LeakyReLU(negative_slope=0.05),
    layers.Activation("celu"),
    layers.Dense(2, activation="hard_silu"),
])
leaky.summary()
print([layer.name for layer in leaky.layers])

# %%
empty = keras.Sequential()
empty.add(keras.Input(shape=(10,)))
print(empty.built, len(empty.layers))
empty.summary()
empty.add(layers.Dense(3))
print(empty.built, empty.count_params(), empty.output_shape)
