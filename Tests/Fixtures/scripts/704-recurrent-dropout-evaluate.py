"""recurrent_dropout only acts in training: evaluate and predict of an LSTM / a Bidirectional
GRU with it give the plain recurrence's numbers."""
import numpy as np
from tensorflow import keras

x = np.linspace(-1.0, 1.0, 60, dtype="float32").reshape(5, 4, 3)
y = np.arange(5) % 2
for layer in [keras.layers.LSTM(3, recurrent_dropout=0.2),
              keras.layers.Bidirectional(keras.layers.GRU(2, recurrent_dropout=0.3, dropout=0.1))]:
    model = keras.Sequential([keras.Input(shape=(4, 3)), layer, keras.layers.Dense(2, activation="softmax")])
    model.set_weights([np.linspace(-0.6, 0.5, w.size).reshape(w.shape) for w in model.get_weights()])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    print(model.predict(x, verbose=0).round(4))
    print([round(value, 4) for value in model.evaluate(x, y, batch_size=2, verbose=0)])
