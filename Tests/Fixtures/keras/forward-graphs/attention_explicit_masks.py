from tensorflow import keras
from tensorflow.keras import layers

query = keras.Input(shape=(4, 6))
value = keras.Input(shape=(5, 6))
query_mask = keras.Input(shape=(4,), dtype="bool", name="query_mask")
value_mask = keras.Input(shape=(5,), dtype="bool", name="value_mask")
dot = layers.Attention(use_scale=True)([query, value], mask=[query_mask, value_mask])
additive = layers.AdditiveAttention()([dot, value, value], mask=[None, value_mask])
model = keras.Model([query, value, query_mask, value_mask], [dot, additive])
