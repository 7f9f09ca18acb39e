# Forward-pass fixture embedding_text_cnn: Embedding (integer token ids as float input) -> Conv1D -> GlobalMaxPooling1D.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    layers.Embedding(50, 8, input_length=12),
    layers.Conv1D(6, 3, activation='relu'),
    layers.GlobalMaxPooling1D(),
    layers.Dense(1, activation='sigmoid'),
], name='embedding_text_cnn')
