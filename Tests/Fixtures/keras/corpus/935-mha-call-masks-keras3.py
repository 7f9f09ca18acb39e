# Keras 3's MultiHeadAttention takes query_mask=, value_mask= and key_mask= (tf-keras has only
# attention_mask=): the masks are tensors of the call, listed under "Connected to" after the
# positional tensors and the keyword ones by name.
from tensorflow import keras
from tensorflow.keras import layers

tokens = keras.Input(shape=(6, 8))
context = keras.Input(shape=(7, 8))
context_mask = keras.Input(shape=(7,), dtype="bool", name="context_mask")
try:
    attended = layers.MultiHeadAttention(2, 4, name="cross")(tokens, context, value_mask=context_mask)
    keyed = layers.MultiHeadAttention(2, 4, name="keyed")(tokens, context, key=context, key_mask=context_mask)
    reader = keras.Model([tokens, context, context_mask], [attended, keyed], name="reader")
    reader.summary()
except TypeError as error:
    print("TypeError:", error)
