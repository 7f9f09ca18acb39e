# Training fixture embedding_pool_sgd_momentum: Embedding, GlobalAveragePooling1D, SGD with momentum, mse.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    layers.Embedding(30, 3, input_length=6),
    layers.GlobalAveragePooling1D(),
    layers.Dense(2),
], name='embedding_pool_sgd_momentum')
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1, momentum=0.9), loss='mse')
