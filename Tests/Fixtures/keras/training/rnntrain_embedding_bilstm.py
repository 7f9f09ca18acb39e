# Training fixture rnntrain_embedding_bilstm: Embedding, Bidirectional LSTM (concat), sigmoid head, Adam, int64 token ids.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(9,)),
    layers.Embedding(30, 4),
    layers.Bidirectional(layers.LSTM(3)),
    layers.Dense(1, activation='sigmoid'),
], name='rnntrain_embedding_bilstm')
model.compile(optimizer='adam', loss='binary_crossentropy', metrics=['accuracy'])
