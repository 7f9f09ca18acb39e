# A Sequential model declared without an input: model.build() gives it one before the summary.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    layers.Conv2D(16, 5, activation="relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(32, 3, activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(3),
])
model.build((None, 40, 40, 1))
model.summary()
print(model.input_shape, model.output_shape)

later = keras.Sequential()
later.add(layers.Dense(32, activation="relu"))
later.add(layers.Dense(2))
later.build(input_shape=(None, 7))
later.summary()
