from tensorflow import keras
from tensorflow.keras import layers

query = keras.Input(shape=(5, 6))
value = keras.Input(shape=(7, 4))
attended, scores = layers.MultiHeadAttention(num_heads=2, key_dim=3)(
    query, value, return_attention_scores=True)
_, causal = layers.MultiHeadAttention(num_heads=3, key_dim=2)(
    attended, attended, return_attention_scores=True, use_causal_mask=True)
model = keras.Model([query, value], [attended, scores, causal])
