# Word vectors loaded into a frozen Embedding through a Constant initializer holding the
# matrix (here zeros in place of GloVe vectors read from a file).
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

num_tokens = 2000
embedding_dim = 50
embedding_matrix = np.zeros((num_tokens, embedding_dim))

embedding_layer = layers.Embedding(
    num_tokens,
    embedding_dim,
    embeddings_initializer=keras.initializers.Constant(embedding_matrix),
    trainable=False,
)
int_sequences_input = keras.Input(shape=(None,), dtype="int64")
embedded_sequences = embedding_layer(int_sequences_input)
x = layers.Conv1D(32, 5, activation="relu")(embedded_sequences)
x = layers.GlobalMaxPooling1D()(x)
preds = layers.Dense(4, activation="softmax")(x)
model = keras.Model(int_sequences_input, preds)
model.summary()
