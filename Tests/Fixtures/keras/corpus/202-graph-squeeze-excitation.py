# Squeeze-and-excitation: a per-channel gate computed from the pooled map scales the map itself.
from tensorflow import keras
from tensorflow.keras import layers

fmap_in = keras.Input(shape=(16, 16, 32))
fmap = layers.Conv2D(32, 3, padding="same", activation="relu")(fmap_in)
gate = layers.GlobalAveragePooling2D()(fmap)
gate = layers.Dense(8, activation="relu")(gate)
gate = layers.Dense(32, activation="sigmoid")(gate)
gate = layers.Reshape((1, 1, 32))(gate)
scaled = layers.Multiply()([fmap, gate])
model = keras.Model(fmap_in, scaled)
model.summary()
print(model.output_shape)
