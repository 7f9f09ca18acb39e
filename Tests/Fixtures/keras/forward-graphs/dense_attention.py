from tensorflow import keras
from tensorflow.keras import layers

query = keras.Input(shape=(5, 6))
value = keras.Input(shape=(7, 4))
key = keras.Input(shape=(7, 6))
dot = layers.Attention(use_scale=True)([query, value, key])
concat = layers.Attention(use_scale=True, score_mode="concat")([query, value, key])
additive = layers.AdditiveAttention()([query, key])
plain = layers.AdditiveAttention(use_scale=False)([query, key, key])
model = keras.Model([query, value, key], layers.Concatenate()([dot, concat, additive, plain]))
