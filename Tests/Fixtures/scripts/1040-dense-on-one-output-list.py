# Keras 3 keeps the list of `outputs=[z]` in `model.output` and hands it back from a call on
# Keras tensors, so a Dense layer put on top of such a call is built on a list of one shape:
# its kernel shape holds a whole tuple, which Keras 3 rejects. tf-keras unwraps the list and
# builds the head.
from tensorflow import keras
from tensorflow.keras import layers

x = keras.Input(shape=(10, 4), name="series")
z = layers.LSTM(5, name="summary")(x)
encoder = keras.Model(x, [z], name="encoder")
print(type(encoder.output).__name__, encoder.output_shape)

seq = keras.Input(shape=(10, 4))
features = encoder(seq)
print(type(features).__name__)
head = layers.Dense(2, name="head")(features)
model = keras.Model(seq, head)
model.summary()
