# A Sequential head and a Sequential augmentation used inside a functional model, a functional
# model placed in a Sequential list, and the layer list of each.
from tensorflow import keras
from tensorflow.keras import layers

augment = keras.Sequential([layers.RandomFlip(), layers.RandomZoom(0.1)], name="aug")
head = keras.Sequential([layers.Flatten(), layers.Dense(16, activation="relu"), layers.Dense(3)], name="head")

inp = keras.Input(shape=(28, 28, 1))
x = augment(inp)
x = layers.Conv2D(8, 3, activation="relu")(x)
x = layers.MaxPooling2D()(x)
functional = keras.Model(inp, head(x), name="with_seq_parts")
functional.summary()

wrapper = keras.Sequential([functional, layers.Softmax()], name="wrapper")
wrapper.summary()
wrapper.summary(expand_nested=True)
print([l.name for l in wrapper.layers], wrapper.output_shape)
