from tensorflow import keras
from tensorflow.keras import layers

tokens = keras.Input(shape=(5, 6))
allowed = keras.Input(shape=(5, 5), name="allowed_mask")
memory = keras.Input(shape=(3, 4))
cross_mask = keras.Input(shape=(5, 3), name="cross_mask")
x = layers.MultiHeadAttention(num_heads=2, key_dim=3)(tokens, tokens, attention_mask=allowed)
y = layers.MultiHeadAttention(num_heads=2, key_dim=2)(
    x, x, attention_mask=allowed, use_causal_mask=True)
z, scores = layers.MultiHeadAttention(num_heads=2, key_dim=2)(
    y, memory, memory, attention_mask=cross_mask, return_attention_scores=True)
model = keras.Model([tokens, allowed, memory, cross_mask], [z, scores])
