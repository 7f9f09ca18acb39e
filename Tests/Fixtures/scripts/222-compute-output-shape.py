# Checking the shape after each block while a Sequential model grows, before it has an input.
import tensorflow as tf

model = tf.keras.Sequential()
model.add(tf.keras.layers.Conv2D(12, (3, 3), padding="same", activation="relu", name="c1"))
model.add(tf.keras.layers.MaxPool2D((2, 2), name="p1"))
print(model.compute_output_shape(input_shape=(8, 32, 32, 3)))

model.add(tf.keras.layers.Conv2D(24, (5, 5), strides=2, name="c2"))
model.add(tf.keras.layers.Flatten())
print(model.compute_output_shape((None, 32, 32, 3)))

model.add(tf.keras.layers.Dense(10, name="head"))
model.build(input_shape=(None, 32, 32, 3))
print(model.compute_output_shape(input_shape=(4, 32, 32, 3)))
model.summary()
