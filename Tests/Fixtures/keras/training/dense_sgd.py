# Training fixture dense_sgd: Dense layers, SGD, sparse categorical crossentropy, a partial last batch.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(6,)),
    layers.Dense(8, activation='relu'),
    layers.Dense(3, activation='softmax'),
], name='dense_sgd')
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss='sparse_categorical_crossentropy', metrics=['accuracy'])
