# A tf.function hands back what its Python function returns as tensors: eager tensors as they are,
# Python numbers as tf.constant makes them (int32, float32), NumPy arrays in their own dtype, each
# item of a returned tuple, and None for a function that returns nothing.
import numpy as np
import tensorflow as tf


@tf.function
def scaled_sum(a, b):
    return a * 2.0 + b


print(scaled_sum(tf.constant(1.5), tf.constant(0.25)))
print(scaled_sum(tf.ones((2, 3)), 1.0))


@tf.function
def times_three(n):
    return n * 3


print(times_three(4))
print(times_three(0.5))
print(times_three(tf.constant([1, 2, 3])))


def fourth_power(x):
    return x ** 4


tf_power = tf.function(fourth_power)
print(tf_power(tf.constant(1.5)))
result = tf_power(2)
print(result.numpy(), result.dtype, result.shape)


@tf.function
def norm_and_mean(v):
    return tf.sqrt(tf.reduce_sum(v * v)), tf.reduce_mean(v)


norm, mean = norm_and_mean(tf.constant([3.0, 4.0]))
print(norm, mean)
print(norm_and_mean(tf.constant([1.0, 1.0, 1.0, 1.0])))


@tf.function
def constant_answer(x):
    return 7


print(constant_answer(tf.constant(1.0)))


@tf.function
def from_numpy(x):
    return np.array([0.5, 1.5])


print(from_numpy(1))

counter = tf.Variable(0)


@tf.function
def bump(step):
    counter.assign_add(step)


print(bump(tf.constant(5)), counter.numpy())


@tf.function
def running_total(n):
    total = tf.constant(0)
    for i in tf.range(n):
        total += i
    return total


print(running_total(tf.constant(6)))
