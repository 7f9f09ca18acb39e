# Training fixture rnntrain_timedistributed_dense: LSTM returning sequences into TimeDistributed(Dense) softmax per step (tf-keras computes the loss on probabilities: the reshape drops the logits), Adam, one label per step.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(6, 3)),
    layers.LSTM(5, return_sequences=True),
    layers.TimeDistributed(layers.Dense(4, activation='softmax')),
], name='rnntrain_timedistributed_dense')
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss='sparse_categorical_crossentropy', metrics=['accuracy'])
