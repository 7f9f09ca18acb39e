# A Dataset.map or filter function runs its Python once, when the stage is made (TensorFlow
# traces it then); reading the dataset runs the traced graph, which prints nothing.
import numpy as np
import tensorflow as tf

points = np.arange(12, dtype="float32").reshape(6, 2)
labels = np.array([0, 1, 0, 1, 1, 0])
pairs = tf.data.Dataset.from_tensor_slices((points, labels))


def scale(x, y):
    print("scaling, one point has shape", x.shape)
    return x / 10.0, y


scaled = pairs.map(scale)
print("map made")
print(scaled.element_spec)


def is_positive(x, y):
    print("checking a label")
    return y > 0


kept = scaled.filter(is_positive)
print("filter made")
print([int(y) for _, y in kept])
print([int(y) for _, y in kept])

batched = pairs.batch(4)


def add_one(x, y):
    print("adding one in batches")
    return x + 1.0, y


shifted = batched.map(add_one)
print("batched map made")
for x, y in shifted:
    print(x.numpy().tolist(), y.numpy().tolist())

print("done")
