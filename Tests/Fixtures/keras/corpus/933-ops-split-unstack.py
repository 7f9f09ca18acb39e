# keras.ops.split into sections and at split points, and keras.ops.unstack, on Keras tensors:
# Keras 3 records them as Split / Unstack operations with a list of outputs (tf-keras has no ops).
import keras
from keras import layers

if hasattr(keras, "ops"):
    ops = keras.ops
    frames = keras.Input(shape=(6, 5, 4))
    first, second = ops.split(frames, 2, axis=-1)
    head, tail = ops.split(frames, [1], axis=1)
    steps = ops.unstack(frames, axis=2)
    print(len(steps), steps[0].shape, head.shape, tail.shape)
    mixed = layers.Concatenate()([second, first * 2.0])
    summed = layers.Add()(steps[:3])
    model = keras.Model(frames, [layers.Conv2D(3, 1)(mixed), summed, tail])
    model.summary()
else:
    print("no keras.ops")
