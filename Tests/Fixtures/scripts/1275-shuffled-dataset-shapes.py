"""Reading a shuffled tf.data pipeline in Python: TensorFlow's order comes from its own random
kernels, but the shapes of what comes out do not depend on it (the elements all have one shape),
so a script that looks at a sample batch's shapes before training prints them."""
import numpy as np
import tensorflow as tf

features = np.arange(40, dtype="float32").reshape(10, 4) / 10
targets = np.arange(10) % 3


def scale(x, y):
    return tf.cast(x, tf.float32) * 2.0, tf.one_hot(y, depth=3)


pipeline = tf.data.Dataset.from_tensor_slices((features, targets)).map(scale)
pipeline = pipeline.shuffle(10).batch(4)
sample = next(iter(pipeline))
print("sample:", sample[0].shape, sample[1].shape)
for step, (x, y) in enumerate(pipeline):
    print(step, x.shape, y.shape, x.dtype)
print(len(list(pipeline)), pipeline.element_spec[0].shape)
