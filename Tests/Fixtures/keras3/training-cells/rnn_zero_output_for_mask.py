import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

# zero_output_for_mask=True: masked steps write zeros, the last output too when the last step
# read is masked (padding at the end, or at the start of a sequence read backwards).
inputs = keras.Input(shape=(6, 3))
masked = layers.Masking(0.0)(inputs)
seq = layers.GRU(4, return_sequences=True, zero_output_for_mask=True)(masked)
last = layers.LSTM(3, zero_output_for_mask=True)(masked)
back = layers.SimpleRNN(3, go_backwards=True, zero_output_for_mask=True)(masked)
pooled = layers.GlobalAveragePooling1D()(seq)
outputs = layers.Dense(2)(layers.Concatenate()([pooled, last, back]))
model = keras.Model(inputs, outputs)
model.set_weights([np.sin(np.arange(w.size) * 0.9 + k).reshape(w.shape).astype("float32") * 0.5
                   for k, w in enumerate(model.get_weights())])
x = np.cos(np.arange(8 * 6 * 3) * 0.41).reshape(8, 6, 3).astype("float32")
x[0, 4:] = 0
x[1, :2] = 0
x[2, 5] = 0
x[3, 0] = 0
x[5, 2:4] = 0
y = np.sin(np.arange(16) * 0.7).reshape(8, 2).astype("float32")
print(np.round(model.predict(x[:4], verbose=0), 4))
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss="mse")
model.fit(x, y, epochs=3, batch_size=4, shuffle=False, verbose=2)
print(np.round(model.predict(x[:4], verbose=0), 4))
lstm = [layer for layer in model.layers if isinstance(layer, layers.LSTM)][0]
print(lstm.zero_output_for_mask, lstm.get_config()["zero_output_for_mask"])
