# Training fixture graph_two_outputs_sgd: two outputs with their own losses, loss_weights and metrics, targets in a dict, sgd.
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(8,))
x = layers.Dense(6, activation='relu')(inputs)
label = layers.Dense(3, activation='softmax', name='label')(x)
value = layers.Dense(1, name='value')(layers.Concatenate()([x, inputs]))
model = keras.Model(inputs, [label, value], name='two_outputs')
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05, momentum=0.9), loss={'label': 'sparse_categorical_crossentropy', 'value': 'mse'}, loss_weights={'label': 1.0, 'value': 0.5}, metrics={'label': ['accuracy'], 'value': ['mae']})
