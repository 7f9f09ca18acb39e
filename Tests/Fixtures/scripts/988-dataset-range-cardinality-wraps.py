# tf.data.Dataset.range's length as TensorFlow's kernel counts it: a stop of 2**63 - 1 stands
# for an endless range, and the distance between the bounds wraps around in 64 bits.
import tensorflow as tf

bounds = [
    (-2**63, 2**63 - 1),
    (0, 2**63 - 1),
    (0, 2**63 - 1, 2),
    (5, 2**63 - 1, -1),
    (-2**63, 2**63 - 2),
    (-1, 2**63 - 2),
    (-2**63, 0),
    (2**63 - 2, -2**63, -1),
    (2**63 - 1, -2**63, -1),
    (-2**63, 2**63 - 2, 2**62),
    (0, -2**63, -2**63),
    (5, -2**63, -2**63),
    (10, 0, -2**63),
    (0, 10, 2**63 - 1),
    (3, -5, -2),
    (0, 10, 3),
    (-3,),
]
for args in bounds:
    ds = tf.data.Dataset.range(*args)
    try:
        print(args, len(ds))
    except TypeError as error:
        print(args, "TypeError:", error)

print(int(tf.data.Dataset.range(0, 2**63 - 1).cardinality()))
print(int(tf.data.Dataset.range(-2**63, 0).cardinality()))
print(list(tf.data.Dataset.range(0, 2**63 - 1).take(3).as_numpy_iterator()))
print(list(tf.data.Dataset.range(5, 2**63 - 1, -1).as_numpy_iterator()))
print(list(tf.data.Dataset.range(10, 0, -2**63).as_numpy_iterator()))
print(len(tf.data.Dataset.range(0, 2**63 - 1).take(4)))
print(len(tf.data.Dataset.range(-2**63, 0).repeat()))
print(len(tf.data.Dataset.range(-2**63, 2**63 - 1)))
