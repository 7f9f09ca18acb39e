# Training fixture conv1d_causal_momentum: Conv1D causal with dilation, ReLU and LeakyReLU layers, SGD momentum, logits.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(10, 2)),
    layers.Conv1D(4, 3, padding='causal', dilation_rate=2),
    layers.ReLU(),
    layers.Conv1D(3, 2, strides=2),
    layers.LeakyReLU(),
    layers.Flatten(),
    layers.Dense(3),
], name='conv1d_causal_momentum')
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05, momentum=0.8), loss=keras.losses.CategoricalCrossentropy(from_logits=True), metrics=['accuracy'])
