# Advanced activation layers and what they add to the parameter count.
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(16, 3)(inputs)
x = layers.PReLU()(x)
x = layers.Conv2D(16, 3)(x)
x = layers.PReLU(alpha_initializer="zeros", shared_axes=[1, 2])(x)
x = layers.Conv2D(16, 3)(x)
x = layers.ELU()(x)
x = layers.ReLU(max_value=6)(x)
x = layers.LeakyReLU()(x)
x = layers.Flatten()(x)
x = layers.Dense(32)(x)
x = layers.PReLU()(x)
outputs = layers.Softmax()(x)
model = keras.Model(inputs, outputs)
model.summary()
