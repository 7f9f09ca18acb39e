# A regression tutorial fits its Normalization layer to the training features with adapt()
# before building the model around it.
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

features = np.array([[4.0, 120.0], [6.0, 150.0], [8.0, 200.0]])
normalizer = layers.Normalization(axis=-1)
print(type(normalizer).__name__)

# %%
normalizer.adapt(features)
print(normalizer.mean.numpy())
