# Recurrent layers given the legacy `input_length=` / `input_dim=` keywords: tf-keras' RNN turns
# them into `input_shape=(input_length, input_dim)`; Keras 3 has no `input_length`.
from tensorflow import keras
from tensorflow.keras import layers

steps, features = 1, 3
seq = keras.Sequential()
seq.add(layers.LSTM(units=4, input_length=steps, input_dim=features, return_sequences=True))
seq.add(layers.TimeDistributed(layers.Dense(2)))
seq.summary()
print(seq.layers[0].get_config().get("batch_input_shape"))
print(sorted(k for k in seq.layers[0].get_config() if k.startswith("input")))

for cls in (layers.SimpleRNN, layers.GRU):
    m = keras.Sequential([cls(5, input_dim=7)])
    print(cls.__name__, m.output_shape, m.count_params())

gru = keras.Sequential([layers.GRU(3, input_dim=2, input_length=6, input_shape=(4, 2))])
print(gru.output_shape)
