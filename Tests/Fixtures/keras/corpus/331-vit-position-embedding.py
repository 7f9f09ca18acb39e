# ViT patch encoder with a learned position embedding looked up for a constant range of positions.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

num_patches = 16
projection_dim = 32

inputs = keras.Input(shape=(16, 16, 3))
patches = layers.Conv2D(projection_dim, 4, strides=4)(inputs)
patches = layers.Reshape((num_patches, projection_dim))(patches)
positions = tf.range(start=0, limit=num_patches, delta=1)
position_embedding = layers.Embedding(input_dim=num_patches, output_dim=projection_dim)(positions)
encoded = patches + position_embedding
x = layers.LayerNormalization(epsilon=1e-6)(encoded)
x = layers.MultiHeadAttention(num_heads=2, key_dim=16)(x, x)
x = layers.Add()([x, encoded])
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(5, activation='softmax')(x)
model = keras.Model(inputs, outputs)
model.summary()
