# Training fixture rnntrain_gru_rmsprop: GRU with reset_after=True (two biases), softmax head, RMSprop, sparse labels.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(8, 3)),
    layers.GRU(5),
    layers.Dense(3, activation='softmax'),
], name='rnntrain_gru_rmsprop')
model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.01), loss='sparse_categorical_crossentropy', metrics=['accuracy'])
