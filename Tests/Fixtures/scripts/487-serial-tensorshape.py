# TensorShape objects built by hand, as shape bookkeeping code builds them.
import tensorflow as tf

batch_shape = tf.TensorShape([None, 3])
print(batch_shape, repr(batch_shape), batch_shape.as_list())
print(batch_shape.rank, batch_shape.ndims, batch_shape[1], batch_shape[0], len(batch_shape))
print(batch_shape == [None, 3], batch_shape == (None, 4), batch_shape.is_fully_defined())
longer = batch_shape.concatenate([4])
print(longer, longer.concatenate(tf.TensorShape([5])).as_list())
image = tf.TensorShape((8, 8, 3))
print(image, image.num_elements(), image.is_fully_defined(), list(image), image[1:])
print(tf.TensorShape(dims=[2]) + (6,), tf.TensorShape([]))
