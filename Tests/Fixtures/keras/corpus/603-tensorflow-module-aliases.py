# TensorFlow's own names for Keras' modules, as TensorFlow tutorials write them.
import tensorflow as tf

model = tf.keras.Sequential([
    tf.keras.Input(shape=(10,)),
    tf.keras.layers.Dense(8, kernel_initializer=tf.initializers.he_normal()),
    tf.keras.layers.Dense(1, kernel_initializer=tf.initializers.zeros()),
])
model.compile(optimizer=tf.optimizers.Adam(1e-3),
              loss=tf.losses.BinaryCrossentropy(from_logits=True),
              metrics=[tf.metrics.BinaryAccuracy(threshold=0.5)])
model.summary()
