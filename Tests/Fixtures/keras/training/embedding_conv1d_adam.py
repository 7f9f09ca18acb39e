# Training fixture embedding_conv1d_adam: Embedding, Conv1D, GlobalMaxPooling1D, Adam, int64 token ids.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(7,), dtype='int32'),
    layers.Embedding(30, 4),
    layers.Conv1D(5, 3, activation='relu'),
    layers.GlobalMaxPooling1D(),
    layers.Dense(1, activation='sigmoid'),
], name='embedding_conv1d_adam')
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.02), loss='binary_crossentropy', metrics=['accuracy'])
