from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(8,))
x = layers.Embedding(20, 6, mask_zero=True)(inputs)
y = layers.MultiHeadAttention(num_heads=2, key_dim=3)(x, x)
z = layers.MultiHeadAttention(num_heads=1, key_dim=4)(y, x, use_causal_mask=True)
outputs = layers.GlobalAveragePooling1D()(z)
model = keras.Model(inputs, [y, outputs])
