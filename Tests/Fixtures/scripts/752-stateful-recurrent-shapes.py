# stateful=True recurrent layers: built on a known batch size (batch_shape=, tf-keras'
# batch_input_shape=), the summary shows it; without one both Kerases refuse in build.
from tensorflow import keras
from tensorflow.keras import layers

stack = keras.Sequential([
    keras.Input(batch_shape=(3, 12, 2)),
    layers.LSTM(6, stateful=True, return_sequences=True),
    layers.GRU(4, stateful=True),
    layers.Dense(1),
])
stack.summary()
print([layer.stateful for layer in stack.layers[:2]])

sequence = keras.Input(batch_shape=(5, 7, 3))
outputs = layers.SimpleRNN(3, stateful=True, return_state=True)(sequence)
keras.Model(sequence, outputs).summary()

for build in (
    lambda: keras.Sequential(
        [layers.GRU(2, stateful=True, batch_input_shape=(2, 4, 1))]).summary(),
    lambda: keras.Sequential([layers.LSTM(2, stateful=True, input_shape=(4, 1))]),
    lambda: layers.GRU(2, stateful=True)(keras.Input((4, 1))),
):
    try:
        build()
    except ValueError as error:
        print("ValueError:", error)
