"""A compiled training step (tf.function) whose model hands `training` to a normalization layer
positionally: tf-keras binds it, Keras 3 refuses it inside AutoGraph's "in user code:" text."""
import tensorflow as tf


class Tower(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.conv = tf.keras.layers.Conv2D(4, 3, padding="same")
        self.norm = tf.keras.layers.BatchNormalization()
        self.head = tf.keras.layers.Dense(3)

    def call(self, images, training=False):
        features = self.norm(self.conv(images), training)
        return self.head(tf.reduce_mean(features, axis=[1, 2]))


tower = Tower()
optimizer = tf.keras.optimizers.SGD(0.1)
loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)


@tf.function
def step(images, labels):
    with tf.GradientTape() as tape:
        logits = tower(images, training=True)
        loss = loss_fn(labels, logits)
    grads = tape.gradient(loss, tower.trainable_variables)
    optimizer.apply_gradients(zip(grads, tower.trainable_variables))
    return loss


images = tf.ones([4, 6, 6, 2])
labels = tf.constant([0, 1, 2, 1])
print(step(images, labels).shape)
