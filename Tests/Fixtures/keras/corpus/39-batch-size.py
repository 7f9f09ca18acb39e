# A fixed batch size shows up in every shape.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1), batch_size=8),
    layers.Conv2D(16, 3, activation='relu'),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(10),
])
model.summary()
print(model.input_shape, model.output_shape)

stateful = keras.Sequential([
    layers.InputLayer(input_shape=(100, 1), batch_size=32),
    layers.Conv1D(4, 5),
    layers.GlobalAveragePooling1D(),
])
stateful.summary()

batch_on_layer = keras.Sequential([
    layers.Dense(4, input_shape=(3,), batch_size=2),
    layers.Dense(1),
])
batch_on_layer.summary()
print(batch_on_layer.output_shape)
