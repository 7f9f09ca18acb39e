# Layers whose call returns a single number (a mean over everything) in a functional model: the
# summary's Output Shape column shows the empty shape.
import tensorflow as tf


class Penalty(tf.keras.layers.Layer):
    def call(self, pair):
        a, b = pair
        gap = tf.reduce_mean(tf.square(a - b))
        self.add_loss(0.1 * gap)
        return gap


features = tf.keras.Input(shape=(6,))
left = tf.keras.layers.Dense(3, name="left")(features)
right = tf.keras.layers.Dense(3, name="right")(features)
gap = Penalty(name="penalty")([left, right])
overall = tf.keras.layers.Lambda(lambda t: tf.reduce_sum(t), name="overall")(left)
model = tf.keras.Model(features, [left, gap, overall])
print(gap.shape, overall.shape)
model.summary()
