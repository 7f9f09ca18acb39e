# Kaggle-style model with an image branch and a tabular metadata branch joined before the head.
import tensorflow as tf
from tensorflow.keras import layers

image_input = tf.keras.Input(shape=(64, 64, 3), name="image")
meta_input = tf.keras.Input(shape=(12,), name="meta")

x = layers.Conv2D(32, (3, 3), activation="relu")(image_input)
x = layers.MaxPooling2D((2, 2))(x)
x = layers.Conv2D(64, (3, 3), activation="relu")(x)
x = layers.MaxPooling2D((2, 2))(x)
x = layers.Flatten()(x)
x = layers.Dense(64, activation="relu")(x)

m = layers.Dense(32, activation="relu")(meta_input)
m = layers.BatchNormalization()(m)
m = layers.Dense(16, activation="relu")(m)

combined = layers.Concatenate(name="combined")([x, m])
z = layers.Dense(32, activation="relu")(combined)
z = layers.Dropout(0.3)(z)
output = layers.Dense(1, activation="sigmoid", name="target")(z)
model = tf.keras.Model(inputs=[image_input, meta_input], outputs=output)
model.summary()
print(model.input_names if hasattr(model, "input_names") else [t.name for t in model.inputs])
