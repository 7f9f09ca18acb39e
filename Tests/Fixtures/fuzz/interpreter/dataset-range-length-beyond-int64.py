import tensorflow as tf
print(len(tf.data.Dataset.range(5).batch(2**63 - 1)))
ds = tf.data.Dataset.range(-2**63, 2**63 - 1)
print(len(ds))
