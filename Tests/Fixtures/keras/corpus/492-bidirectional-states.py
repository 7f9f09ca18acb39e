# A bidirectional LSTM encoder whose forward and backward states are concatenated into the
# initial state of a decoder (the classic attention-free NMT encoder), plus merge_mode=None.
from tensorflow import keras
from tensorflow.keras import layers

source = keras.Input(shape=(12,), name="source")
embedded = layers.Embedding(5000, 64)(source)
outputs, fh, fc, bh, bc = layers.Bidirectional(layers.LSTM(32, return_state=True))(embedded)
state_h = layers.Concatenate()([fh, bh])
state_c = layers.Concatenate()([fc, bc])
target = keras.Input(shape=(10,), name="target")
decoded = layers.Embedding(6000, 64)(target)
decoded = layers.LSTM(64, return_sequences=True)(decoded, initial_state=[state_h, state_c])
forward, backward = layers.Bidirectional(layers.GRU(16, return_sequences=True), merge_mode=None)(decoded)
merged = layers.Add()([forward, backward])
logits = layers.Dense(6000)(merged)
model = keras.Model([source, target], logits)
model.summary()
print(model.output_shape)
