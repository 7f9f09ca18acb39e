# WaveNet-style stack of causal, dilated 1D convolutions.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential(name='tiny_wavenet')
model.add(keras.Input(shape=(1024, 1)))
model.add(layers.Conv1D(32, 2, padding='causal', dilation_rate=1, activation='relu'))
model.add(layers.Conv1D(32, 2, padding='causal', dilation_rate=2, activation='relu'))
model.add(layers.Conv1D(32, 2, padding='causal', dilation_rate=4, activation='relu'))
model.add(layers.Conv1D(32, 2, padding='causal', dilation_rate=8, activation='relu'))
model.add(layers.Conv1D(32, 3, padding='valid', dilation_rate=16))
model.add(layers.Conv1D(1, 1))
model.summary()
for_check = model.layers[4]
print(for_check.name, for_check.output_shape, for_check.count_params())
