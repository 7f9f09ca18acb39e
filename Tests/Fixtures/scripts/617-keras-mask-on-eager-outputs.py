# Layers run on data that make a mask leave it on their output as _keras_mask: an Embedding with
# mask_zero=True marks the nonzero ids, Masking the steps with some feature not the mask value;
# a layer that passes masks on keeps it, other tensors have none.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

ids = np.array([[4, 7, 0, 0], [2, 0, 0, 0], [1, 3, 5, 9]])
embed = layers.Embedding(10, 3, mask_zero=True)
vectors = embed(ids)
print(type(vectors).__name__, vectors.shape, vectors.dtype)
print(vectors._keras_mask)
print(embed.compute_mask(ids))

steps = np.array([[[1.0, 0.0], [0.0, 0.0], [0.5, 2.0]], [[0.0, 0.0], [3.0, 1.0], [0.0, 0.0]]], "float32")
masked = layers.Masking(mask_value=0.0)(steps)
print(masked._keras_mask)
print(hasattr(masked, "_keras_mask"), hasattr(tf.constant(steps), "_keras_mask"))
scaled = layers.Activation("relu")(masked)
print(hasattr(scaled, "_keras_mask"))
plain = layers.Embedding(10, 2)(ids)
print(hasattr(plain, "_keras_mask"))
try:
    print(tf.ones((2, 2))._keras_mask)
except AttributeError as error:
    print("AttributeError:", error)
