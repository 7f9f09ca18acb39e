from tensorflow import keras
from tensorflow.keras import layers

clips = keras.Input(shape=(3, 8, 8, 2))
x = layers.TimeDistributed(layers.Conv2D(4, 3, activation="relu"))(clips)
x = layers.TimeDistributed(layers.MaxPooling2D())(x)
x = layers.TimeDistributed(layers.BatchNormalization())(x)
x = layers.TimeDistributed(layers.Flatten())(x)
x = layers.TimeDistributed(layers.Dense(5, activation="tanh"))(x)
model = keras.Model(clips, layers.TimeDistributed(layers.Dropout(0.5))(x))
