# InputLayer as the first element of a Sequential model, with and without a name.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    layers.InputLayer(input_shape=(10,)),
    layers.Dense(5),
])
model.summary()

model2 = keras.Sequential()
model2.add(layers.InputLayer(input_shape=(4, 4, 1), name='pixels'))
model2.add(layers.Flatten())
model2.summary()

model3 = keras.Sequential([layers.InputLayer((6,)), layers.Dense(2)])
model3.summary()
print(len(model.layers), len(model2.layers), len(model3.layers))
print(model2.input_shape)
