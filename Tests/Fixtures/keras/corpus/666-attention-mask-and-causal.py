# Self-attention over a token sequence with an explicit (batch, query, key) mask as a second
# input, then a causal decoder-style block; the key passed by keyword in a third call.
from tensorflow import keras
from tensorflow.keras import layers

tokens = keras.Input(shape=(6, 16), name="tokens")
allowed = keras.Input(shape=(6, 6), name="allowed")
mixed = layers.MultiHeadAttention(num_heads=2, key_dim=8, name="masked_mha")(
    tokens, tokens, attention_mask=allowed)
causal = layers.MultiHeadAttention(num_heads=2, key_dim=4, name="causal_mha")(
    mixed, mixed, use_causal_mask=True)
memory = keras.Input(shape=(4, 16), name="memory")
cross_mask = keras.Input(shape=(6, 4), name="cross_mask")
crossed, scores = layers.MultiHeadAttention(num_heads=2, key_dim=4, name="cross_mha")(
    causal, memory, key=memory, attention_mask=cross_mask, return_attention_scores=True)
model = keras.Model([tokens, allowed, memory, cross_mask], [crossed, scores], name="masked_attention")
model.summary()
print(scores.shape)
