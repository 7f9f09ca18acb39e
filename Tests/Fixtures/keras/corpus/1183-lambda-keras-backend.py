# CBAM's spatial attention pools over channels in Lambda layers with keras.backend functions:
# tf-keras' backend has them; Keras 3's keras.backend does not, which only matters when Keras 3
# runs the function to infer the output shape (no `output_shape` given).
from tensorflow import keras
from tensorflow.keras import layers
from keras import backend as K

feature = keras.Input((8, 8, 16))

# %%
avg_pool = layers.Lambda(lambda x: K.mean(x, axis=3, keepdims=True))(feature)
print(avg_pool.shape)

# %%
max_pool = layers.Lambda(lambda x: K.max(x, axis=3, keepdims=True), output_shape=(8, 8, 1),
                         name="channel_max")(feature)
attention = layers.Conv2D(1, 7, padding="same", activation="sigmoid", name="spatial")(max_pool)
gated = layers.multiply([feature, attention])
keras.Model(feature, gated, name="spatial_attention").summary()

# %%
print(layers.Lambda(lambda x: x).name)
