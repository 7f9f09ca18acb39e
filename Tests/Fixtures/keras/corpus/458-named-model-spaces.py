# Model and layer names written by people: capitals, digits, dashes.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential(name="CNN-Model_v1")
model.add(keras.Input(shape=(28, 28, 1), name="Input-Image"))
model.add(layers.Conv2D(8, 3, name="Conv-1"))
model.add(layers.MaxPooling2D(name="Pool1"))
model.add(layers.Flatten(name="FLAT"))
model.add(layers.Dense(10, name="Output-Layer"))
model.summary()
print(model.name, [layer.name for layer in model.layers])
