# Token ids turned into one-hot vectors with tf.one_hot inside a functional model.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

vocabulary = 500
tokens = keras.Input(shape=(None,), dtype="int64")
one_hot = tf.one_hot(tokens, depth=vocabulary)
x = layers.Bidirectional(layers.LSTM(8))(one_hot)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(tokens, outputs)
model.summary()
