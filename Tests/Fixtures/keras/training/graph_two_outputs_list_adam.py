# Training fixture graph_two_outputs_list_adam: two outputs, losses as a list, one metric for every output, targets in a list, adam.
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(5,))
x = layers.Dense(4, activation='tanh')(inputs)
first = layers.Dense(2, name='first')(x)
second = layers.Dense(2, activation='softmax', name='second')(x)
model = keras.Model(inputs, [first, second], name='two_outputs_list')
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss=['mae', 'categorical_crossentropy'], loss_weights=[0.3, 1.0], metrics=['mse'])
