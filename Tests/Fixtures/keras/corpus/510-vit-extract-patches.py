# Vision transformer front end without a custom layer: tf.image.extract_patches cuts the image into
# 8x8 patches, tf.shape gives the batch for the reshape, and a Dense layer projects each patch.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

image_size = 32
patch_size = 8
num_patches = (image_size // patch_size) ** 2
projection_dim = 24

inputs = keras.Input(shape=(image_size, image_size, 3))
patches = tf.image.extract_patches(
    images=inputs,
    sizes=[1, patch_size, patch_size, 1],
    strides=[1, patch_size, patch_size, 1],
    rates=[1, 1, 1, 1],
    padding="VALID",
)
batch_size = tf.shape(patches)[0]
patch_dims = patches.shape[-1]
patches = tf.reshape(patches, [batch_size, -1, patch_dims])
encoded = layers.Dense(projection_dim)(patches)
x = layers.LayerNormalization(epsilon=1e-6)(encoded)
x = layers.MultiHeadAttention(num_heads=2, key_dim=projection_dim)(x, x)
x = layers.Add()([x, encoded])
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs=inputs, outputs=outputs, name="vit_patches")
model.summary()
