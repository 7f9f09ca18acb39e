"""Token and position embeddings as a custom layer: the positions are a range as long as the
sequence, looked up in an Embedding of the layer's own."""
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

SEQ_LEN = 12
VOCAB = 50
WIDTH = 6


class TokenPositionEmbedding(layers.Layer):
    def __init__(self, seq_len, vocab, width, **kwargs):
        super().__init__(**kwargs)
        self.tokens = layers.Embedding(input_dim=vocab, output_dim=width)
        self.places = layers.Embedding(input_dim=seq_len, output_dim=width)

    def call(self, ids):
        length = tf.shape(ids)[-1]
        where = tf.range(start=0, limit=length, delta=1)
        return self.tokens(ids) + self.places(where)


class AddPlaces(layers.Layer):
    def __init__(self, seq_len, width, **kwargs):
        super().__init__(**kwargs)
        self.table = layers.Embedding(seq_len, width)

    def call(self, x):
        return x + self.table(tf.range(tf.shape(x)[1]))


embed = TokenPositionEmbedding(SEQ_LEN, VOCAB, WIDTH, name="embed")
print(embed.tokens.input_dim, embed.places.input_dim, embed.places.output_dim)
ids = keras.Input(shape=(SEQ_LEN,), dtype="int32")
h = embed(ids)
h = AddPlaces(SEQ_LEN, WIDTH, name="again")(h)
h = layers.GlobalAveragePooling1D()(h)
out = layers.Dense(3, activation="softmax")(h)
model = keras.Model(ids, out, name="tagger")
model.summary()
print(model.count_params(), len(model.trainable_weights))
print(sorted(tuple(w.shape) for w in embed.weights))
print(model.predict(np.zeros((2, SEQ_LEN), "int32"), verbose=0).shape)
