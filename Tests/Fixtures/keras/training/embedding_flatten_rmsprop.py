# Training fixture embedding_flatten_rmsprop: Embedding(input_length=) first, Flatten, RMSprop, int64 token ids.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    layers.Embedding(30, 3, input_length=6),
    layers.Flatten(),
    layers.Dense(3, activation='softmax'),
], name='embedding_flatten_rmsprop')
model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.01), loss='sparse_categorical_crossentropy', metrics=['accuracy'])
