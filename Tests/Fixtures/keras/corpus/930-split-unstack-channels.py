# Colour channels taken apart with tf.split and put back in BGR order with per-channel offsets
# (as a VGG port does), tf.split by sizes with one size inferred, and tf.unstack of the rows of a
# feature map summed by an Add layer: one TFOpLambda row per call, its outputs as a list.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

picture = keras.Input(shape=(32, 32, 3))
r, g, b = tf.split(axis=3, num_or_size_splits=3, value=picture)
bgr = tf.concat(axis=3, values=[b - 103.9, g - 116.8, r - 123.7])
features = layers.Conv2D(8, 3, padding="same", name="stem")(bgr)
narrow, wide = tf.split(features, [2, -1], axis=-1)
rows = tf.unstack(layers.Conv2D(4, 3, strides=4, name="squeeze")(wide), axis=1)
print(len(rows), rows[0].shape, narrow.shape, wide.shape)
row_sum = layers.Add(name="row_sum")(rows)
head = layers.Dense(5, name="head")(layers.Flatten()(row_sum))
ported = keras.Model(picture, [head, narrow], name="ported_vgg_stem")
ported.summary()
for layer in ported.layers[:4]:
    print(layer.name, type(layer).__name__)

# %%
try:
    tf.split(features, 3, axis=-1)
except ValueError as error:
    print(str(error).splitlines()[2])
