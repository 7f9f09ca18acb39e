# A Sequential model without an input shape is built later.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    layers.Dense(64, activation='relu'),
    layers.Dense(10),
])
print(model.built)
print(len(model.layers))
print(model.layers[0].name, model.layers[0].built)
model.build(input_shape=(None, 784))
print(model.built)
model.summary()
print(model.input_shape, model.output_shape)

model2 = keras.Sequential()
model2.add(layers.Conv2D(8, 3))
model2.add(layers.Flatten())
print(model2.built)
model2.build((None, 12, 12, 3))
model2.summary()

model3 = keras.Sequential([layers.Dense(3)])
model3.build((4, 7))
model3.summary()
