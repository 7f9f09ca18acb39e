import keras
from keras import layers
inputs = keras.Input(shape=(10, 4))
seq, h, c = layers.LSTM(8, return_sequences=True, return_state=True)(inputs)
out, scores = layers.MultiHeadAttention(2, 4)(seq, seq, return_attention_scores=True)
a, b = keras.ops.split(out, 2, axis=-1)
y = layers.Concatenate()([layers.GlobalAveragePooling1D()(a), h, c])
encoder = keras.Model(inputs, [y, scores], name="encoder")
encoder.summary()
x = keras.Input(shape=(10, 4))
f, s = encoder(x)
head = keras.Model(x, layers.Dense(1)(f))
head.summary()
print([t.shape for t in encoder.outputs], head.count_params())
