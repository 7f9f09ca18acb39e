# A tf_keras model given a layer of the other package.
import tensorflow as tf
import tf_keras

model = tf_keras.Sequential([tf_keras.Input(shape=(20,))])
model.add(tf_keras.layers.Dense(16, activation="relu"))
print(len(model.layers))
model.add(tf.keras.layers.Dense(1, activation="sigmoid"))
model.summary()
