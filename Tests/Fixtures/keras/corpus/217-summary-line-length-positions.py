# Narrow and wide summaries: the same small models printed with custom line lengths and column
# positions, relative and absolute.
from tensorflow import keras
from tensorflow.keras import layers

chain = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(8, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),
], name="narrow_cnn")
chain.summary(line_length=50)
chain.summary(line_length=90, positions=[0.5, 0.8, 1.0])
chain.summary(positions=[30, 50, 70])

a = keras.Input(shape=(16,))
b = keras.Input(shape=(16,))
h = layers.concatenate([layers.Dense(8)(a), layers.Dense(8)(b)])
pair = keras.Model([a, b], layers.Dense(1)(h), name="pair")
pair.summary(line_length=120)
pair.summary(line_length=80, positions=[0.35, 0.6, 0.7, 1.0], show_trainable=True)
