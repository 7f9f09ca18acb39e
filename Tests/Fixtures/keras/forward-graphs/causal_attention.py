from tensorflow import keras
from tensorflow.keras import layers

query = keras.Input(shape=(6, 8))
memory = keras.Input(shape=(4, 8))
self_attention = layers.MultiHeadAttention(num_heads=2, key_dim=4)(query, query, use_causal_mask=True)
cross = layers.MultiHeadAttention(num_heads=2, key_dim=4)(self_attention, memory, use_causal_mask=True)
dot = layers.Attention()([cross, memory], use_causal_mask=True)
model = keras.Model([query, memory], [cross, dot])
