# Dot-product and additive attention over padded sequences, with the padding masks passed
# explicitly as inputs: mask=[query_mask, value_mask] (or None for one of them).
from tensorflow import keras
from tensorflow.keras import layers

query = keras.Input(shape=(5, 8), name="query")
value = keras.Input(shape=(7, 8), name="value")
query_mask = keras.Input(shape=(5,), name="query_mask")
value_mask = keras.Input(shape=(7,), name="value_mask")
dot = layers.Attention(name="dot_attention")([query, value], mask=[query_mask, value_mask])
additive = layers.AdditiveAttention(name="additive_attention")(
    [dot, value], mask=[None, value_mask])
pooled = layers.GlobalAveragePooling1D()(additive)
model = keras.Model([query, value, query_mask, value_mask], layers.Dense(2)(pooled), name="masked")
model.summary()
