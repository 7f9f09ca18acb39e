# Attention visualisation: a cross-attention block that also returns its attention scores, kept
# as a second model output to plot the weights of each head.
from tensorflow import keras
from tensorflow.keras import layers

query = keras.Input(shape=(16, 32), name="query")
context = keras.Input(shape=(24, 32), name="context")
attended, scores = layers.MultiHeadAttention(num_heads=4, key_dim=8)(
    query, context, return_attention_scores=True)
x = layers.Add()([query, attended])
x = layers.LayerNormalization()(x)
model = keras.Model([query, context], [x, scores])
model.summary()
print(model.output_shape)
