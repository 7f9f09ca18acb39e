import numpy as np
import keras
from keras import layers

# Recurrent training in Keras 3: padded token ids under Embedding(mask_zero=True) (the masks
# reach the recurrent layers as graph inputs), a Bidirectional LSTM returning sequences, a GRU,
# a SimpleRNN going backwards on floats, and an encoder-decoder with return_state and
# initial_state. Weights are set from a pattern, so every run starts the same.
n = np.arange(16 * 8).reshape(16, 8)
mixed = n * 7 + n // 8
tokens = 1 + mixed - (mixed // 11) * 11
for i in range(16):
    if i % 4:
        tokens[i, -(i % 4):] = 0
label = (tokens[:, 0] > tokens[:, 1]).astype("float32")


def pattern(model):
    values = []
    for w in model.get_weights():
        k = np.arange(w.size).reshape(w.shape) * 7
        values.append(((k - (k // 13) * 13) - 6).astype("float32") / 20.0)
    model.set_weights(values)


text = keras.Sequential([
    keras.Input(shape=(8,), dtype="int32"),
    layers.Embedding(12, 4, mask_zero=True),
    layers.Bidirectional(layers.LSTM(3, return_sequences=True)),
    layers.GRU(3),
    layers.Dense(1, activation="sigmoid"),
])
pattern(text)
text.compile(optimizer=keras.optimizers.Adam(learning_rate=0.02), loss="binary_crossentropy",
             metrics=["accuracy"])
history = text.fit(tokens, label, epochs=3, batch_size=6, shuffle=False, verbose=0)
print("text", [round(v, 5) for v in history.history["loss"]])
print([round(float(v), 5) for v in text.layers[0].get_weights()[0][:3].reshape(12)])
print([round(float(v), 5) for v in text.layers[2].get_weights()[1][0]])

k = np.arange(16 * 6 * 2).reshape(16, 6, 2) * 5
x = ((k - (k // 17) * 17) - 8).astype("float32") / 8.0
y = x[:, ::2, 0].copy()
series = keras.Sequential([
    keras.Input(shape=(6, 2)),
    layers.SimpleRNN(4, return_sequences=True, go_backwards=True),
    layers.LSTM(3),
    layers.Dense(3),
])
pattern(series)
series.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.01), loss="mse", metrics=["mae"])
history = series.fit(x, y, epochs=3, batch_size=5, shuffle=False, verbose=0)
print("series", [round(v, 5) for v in history.history["loss"]])
print([round(float(v), 5) for v in series.layers[1].get_weights()[1][0]])

encoder_inputs = keras.Input(shape=(6, 2))
decoder_inputs = keras.Input(shape=(3, 2))
_, h, c = layers.LSTM(4, return_state=True)(encoder_inputs)
decoded = layers.LSTM(4, return_sequences=True)(decoder_inputs, initial_state=[h, c])
outputs = layers.Dense(1)(decoded)
seq2seq = keras.Model([encoder_inputs, decoder_inputs], outputs)
pattern(seq2seq)
seq2seq.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1, momentum=0.9), loss="mse")
history = seq2seq.fit([x, x[:, :3]], y[:, :, None], epochs=3, batch_size=8, shuffle=False,
                      verbose=0)
print("seq2seq", [round(v, 5) for v in history.history["loss"]])
print([round(float(v), 5) for v in seq2seq.get_weights()[3][0]])
