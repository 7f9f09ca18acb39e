from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(8,))
x = layers.Embedding(20, 4, mask_zero=True)(inputs)
y = layers.Attention(use_scale=True)([x, x])
z = layers.AdditiveAttention()([y, x], use_causal_mask=True)
outputs = layers.GlobalAveragePooling1D()(z)
model = keras.Model(inputs, [y, z, outputs])
