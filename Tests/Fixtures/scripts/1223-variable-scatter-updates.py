# Sparse updates of a variable: rows replaced through IndexedSlices, single entries through
# scatter_nd_update, and the add/sub forms.
import tensorflow as tf

v = tf.Variable([[1., 2., 3.], [4., 5., 6.]])
print(v.scatter_nd_update(indices=[[0, 0], [1, 2]], updates=[100., 200.]))
print(v.scatter_nd_add([[0, 1]], [0.5]))
print(v.scatter_nd_sub(indices=[[1, 0], [1, 1]], updates=[1., 2.]))
rows = tf.IndexedSlices(values=[[7., 8., 9.], [1., 1., 1.]], indices=[1, 0])
print(rows.indices, rows.values, rows.dense_shape)
print(rows)
print(v.scatter_update(rows))
print(v.scatter_add(tf.IndexedSlices([[10., 10., 10.]], [0])))
print(v.scatter_sub(tf.IndexedSlices(values=tf.constant([[1., 2., 3.]]), indices=tf.constant([1]))))
print(v)
w = tf.Variable([1, 2, 3, 4])
print(w.scatter_nd_update([[3], [0]], [40, 10]))
print(w.numpy())
for attempt in [lambda: v.scatter_nd_update([[2, 0]], [1.]),
                lambda: v.scatter_update(tf.IndexedSlices([[1., 1., 1.]], [5])),
                lambda: v.scatter_update([1.])]:
    try:
        attempt()
    except (tf.errors.InvalidArgumentError, TypeError) as error:
        print(type(error).__name__, error)
print(v.numpy())
