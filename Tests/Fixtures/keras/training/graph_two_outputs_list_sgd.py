# Training fixture graph_two_outputs_list_sgd: two outputs, losses as a list, one metric for every output, targets in a list, sgd.
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(5,))
x = layers.Dense(4, activation='tanh')(inputs)
first = layers.Dense(2, name='first')(x)
second = layers.Dense(2, activation='softmax', name='second')(x)
model = keras.Model(inputs, [first, second], name='two_outputs_list')
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05, momentum=0.9), loss=['mae', 'categorical_crossentropy'], loss_weights=[0.3, 1.0], metrics=['mse'])
