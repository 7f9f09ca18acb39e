"""Attention masks given by keyword: MultiHeadAttention(query=..., value=..., *_mask=...) and
Attention(..., mask=[...]); the summary lists each call's tensors in Keras' order."""
from tensorflow import keras
from tensorflow.keras import layers

words = keras.Input((4, 6), name="words")
memory = keras.Input((9, 6), name="memory")
words_mask = keras.Input((4,), dtype="bool", name="words_mask")
memory_mask = keras.Input((9,), dtype="bool", name="memory_mask")
cross = layers.MultiHeadAttention(num_heads=3, key_dim=2, name="cross")(
    query=words, value=memory, value_mask=memory_mask, query_mask=words_mask)
look = layers.MultiHeadAttention(num_heads=1, key_dim=6, name="look")(
    words, value=memory, value_mask=memory_mask)
dot = layers.Attention(name="dot")([words, memory], mask=[words_mask, memory_mask])
print(cross.shape, look.shape, dot.shape)
model = keras.Model([words, memory, words_mask, memory_mask], [cross, look, dot])
model.summary(line_length=100)
