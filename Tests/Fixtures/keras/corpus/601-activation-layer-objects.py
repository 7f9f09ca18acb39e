# Activation layers passed as a layer's activation: Keras calls the layer object, which adds
# neither weights nor a row of its own.
from tensorflow import keras
from tensorflow.keras import layers

leaky = layers.LeakyReLU(0.1)
model = keras.Sequential([
    keras.Input(shape=(20,)),
    layers.Dense(32, activation=leaky),
    layers.Dense(32, activation=layers.ReLU(max_value=6.0)),
    layers.Dense(16, activation=layers.ELU()),
    layers.Dense(3, activation=layers.Softmax()),
])
model.summary()
print(len(model.layers))

# %%
inputs = keras.Input(shape=(12, 12, 1))
x = layers.Conv2D(4, 3, activation=layers.LeakyReLU(alpha=0.2))(inputs)
x = layers.Conv2D(4, 3, activation=layers.Activation("tanh"))(x)
outputs = layers.Flatten()(x)
conv = keras.Model(inputs, outputs)
conv.summary()
