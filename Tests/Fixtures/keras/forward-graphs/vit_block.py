from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(8, 8, 3))
x = layers.Conv2D(12, 2, strides=2)(inputs)
encoded = layers.Reshape((16, 12))(x)
for _ in range(2):
    y = layers.LayerNormalization(epsilon=1e-6)(encoded)
    y = layers.MultiHeadAttention(num_heads=3, key_dim=4, dropout=0.1)(y, y)
    x2 = layers.Add()([y, encoded])
    y = layers.LayerNormalization(epsilon=1e-6)(x2)
    y = layers.Dense(24, activation="gelu")(y)
    y = layers.Dense(12)(y)
    encoded = layers.Add()([y, x2])
x = layers.GlobalAveragePooling1D()(layers.LayerNormalization(epsilon=1e-6)(encoded))
model = keras.Model(inputs, layers.Dense(5)(x))
