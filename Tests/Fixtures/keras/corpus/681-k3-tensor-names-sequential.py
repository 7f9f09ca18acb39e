# A Sequential model built one add() at a time: each layer's output tensor, and the model's.
# %%
import keras
from keras import layers

model = keras.Sequential()
model.add(keras.Input(shape=(12,)))
for units in [8, 6, 4]:
    model.add(layers.Dense(units, activation="relu"))
    print(model.layers[-1].output)
print(model.layers[0].output)
print(model.outputs)

# %%
# The input that input_shape= creates, and a model built with build().
second = keras.Sequential([layers.Dense(5, input_shape=(3,)), layers.Dense(2)])
print(second.inputs)
print(second.layers[1].output)
third = keras.Sequential([layers.Dense(5), layers.Dense(2)])
third.build((None, 3))
print(third.layers[0].output)

# %%
# Calling a Sequential model that has no input yet builds it first.
augment = keras.Sequential([layers.Dense(12), layers.Dropout(0.1)])
images = keras.Input(shape=(12,))
features = augment(images)
print(features)
print(augment.layers[1].output)
