# Several heads on one trunk: pooling with keepdims, average and max pooled maps concatenated,
# a 1x1 convolution head on the kept dimensions, and a Flatten head.
from tensorflow import keras
from tensorflow.keras import layers

inp = keras.Input(shape=(15, 15, 10))
trunk = layers.Conv2D(20, 3, activation="relu")(inp)
avg = layers.GlobalAveragePooling2D(keepdims=True)(trunk)
mx = layers.GlobalMaxPooling2D(keepdims=True)(trunk)
both = layers.Concatenate()([avg, mx])
conv_head = layers.Conv2D(5, 1, name="conv_head")(both)
conv_head = layers.Flatten(name="conv_head_flat")(conv_head)
flat_head = layers.Dense(5, name="flat_head")(layers.Flatten()(trunk))
avg1d = layers.GlobalAveragePooling1D()(layers.Reshape((13 * 13, 20))(trunk))
heads = keras.Model(inp, [conv_head, flat_head, avg1d], name="heads")
heads.summary()
print(heads.output_shape)
