# IMDB sentiment with an Embedding given input_length, pooled by GlobalAveragePooling1D.
from tensorflow import keras
from tensorflow.keras import layers

vocab_size = 10000
maxlen = 256

model = keras.Sequential()
model.add(layers.Embedding(vocab_size, 16, input_length=maxlen))
model.add(layers.GlobalAveragePooling1D())
model.add(layers.Dense(16, activation="relu"))
model.add(layers.Dense(1, activation="sigmoid"))
model.summary()
