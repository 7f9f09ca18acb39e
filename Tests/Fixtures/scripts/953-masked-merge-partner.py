# A padded text branch (mask_zero=True) added to an unmasked branch: Keras 3's Add keeps a mask
# only when every input has one, so the LSTM after it gets none; tf-keras keeps masks off the graph.
from tensorflow import keras
from tensorflow.keras import layers

words = keras.Input(shape=(7,), dtype="int32", name="words")
padded = layers.Embedding(50, 6, mask_zero=True, name="padded")(words)
plain = layers.Embedding(50, 6, name="plain")(words)
mixed = layers.Add(name="mix")([padded, plain])
state = layers.LSTM(4, name="reader")(mixed)
model = keras.Model(words, state)
model.summary()
print([layer.name for layer in model.layers])
print(mixed.shape, state.shape)
