# Activity recognition from accelerometer windows of any length: zero-padded steps are masked
# out, then stacked GRUs and a SimpleRNN head (Input with a None time dimension).
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential(name="har_rnn")
model.add(keras.Input(shape=(None, 9)))
model.add(layers.Masking(mask_value=0.0))
model.add(layers.GRU(48, return_sequences=True, reset_after=False))
model.add(layers.GRU(32, return_sequences=True, go_backwards=True))
model.add(layers.SimpleRNN(16, activation="relu"))
model.add(layers.Dense(6, activation="softmax"))
model.summary()
print(model.output_shape)
