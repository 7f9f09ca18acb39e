from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(7, 6, 12))
features = layers.Conv2D(12, 3, padding="same", activation="relu")(inputs)
se = layers.GlobalAveragePooling2D()(features)
se = layers.Dense(3, activation="relu")(se)
se = layers.Dense(12, activation="sigmoid")(se)
se = layers.Reshape((1, 1, 12))(se)
scaled = layers.Multiply()([features, se])
model = keras.Model(inputs, layers.add([scaled, inputs]))
