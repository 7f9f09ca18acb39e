import keras
from keras import layers

query = keras.Input(shape=(4, 6))
value = keras.Input(shape=(5, 6))
query_mask = keras.Input(shape=(4,), name="query_mask")
value_mask = keras.Input(shape=(5,), name="value_mask")
masked = layers.MultiHeadAttention(2, 3, name="mha")(query, value, query_mask=query_mask, value_mask=value_mask)
keyed = layers.MultiHeadAttention(2, 3, name="mha_key")(query, value, key=value, key_mask=value_mask)
model = keras.Model([query, value, query_mask, value_mask], [masked, keyed])
