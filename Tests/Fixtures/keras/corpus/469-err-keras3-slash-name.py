# Layer names with a slash, as TensorFlow 1 code wrote them.
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(16, 16, 3))
x = layers.Conv2D(8, 3, name="block1/conv")(inputs)
x = layers.BatchNormalization(name="block1/bn")(x)
model = keras.Model(inputs, x)
model.summary()
