# Training fixture rnntrain_timedistributed_conv: a CNN-LSTM: TimeDistributed Conv2D, MaxPooling2D, BatchNormalization and Flatten on frames, GRU, RMSprop.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(4, 6, 6, 2)),
    layers.TimeDistributed(layers.Conv2D(3, 3, activation='relu')),
    layers.TimeDistributed(layers.MaxPooling2D(2)),
    layers.TimeDistributed(layers.BatchNormalization()),
    layers.TimeDistributed(layers.Flatten()),
    layers.GRU(4),
    layers.Dense(2, activation='softmax'),
], name='rnntrain_timedistributed_conv')
model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.01), loss='categorical_crossentropy', metrics=['accuracy'])
