# A subclassed model that brings its own train_step (the GAN pattern: two models, two
# optimizers set in an overridden compile, metric trackers listed by the metrics property).
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

critic = keras.Sequential([keras.Input(shape=(3,)), layers.Dense(4, activation="relu"), layers.Dense(1)], name="critic")
maker = keras.Sequential([keras.Input(shape=(2,)), layers.Dense(3, activation="tanh")], name="maker")


class Pair(keras.Model):
    def __init__(self, critic, maker):
        super().__init__()
        self.critic = critic
        self.maker = maker
        self.critic_loss = keras.metrics.Mean(name="critic_loss")
        self.maker_loss = keras.metrics.Mean(name="maker_loss")

    def compile(self, critic_optimizer, maker_optimizer, loss_fn):
        super().compile()
        self.critic_optimizer = critic_optimizer
        self.maker_optimizer = maker_optimizer
        self.loss_fn = loss_fn

    @property
    def metrics(self):
        return [self.critic_loss, self.maker_loss]

    def train_step(self, data):
        real, codes = data
        n = tf.shape(real)[0]
        fake = self.maker(codes)
        with tf.GradientTape() as tape:
            scores = self.critic(tf.concat([fake, real], axis=0))
            labels = tf.concat([tf.zeros((n, 1)), tf.ones((n, 1))], axis=0)
            c_loss = self.loss_fn(labels, scores)
        grads = tape.gradient(c_loss, self.critic.trainable_weights)
        self.critic_optimizer.apply_gradients(zip(grads, self.critic.trainable_weights))
        with tf.GradientTape() as tape:
            m_loss = self.loss_fn(tf.ones((n, 1)), self.critic(self.maker(codes)))
        grads = tape.gradient(m_loss, self.maker.trainable_weights)
        self.maker_optimizer.apply_gradients(zip(grads, self.maker.trainable_weights))
        self.critic_loss.update_state(c_loss)
        self.maker_loss.update_state(m_loss)
        return {m.name: m.result() for m in self.metrics}


pair = Pair(critic, maker)
pair.compile(keras.optimizers.Adam(1e-3), keras.optimizers.Adam(1e-3),
             keras.losses.BinaryCrossentropy(from_logits=True))
print([m.name for m in pair.metrics])
print([w.name for w in pair.trainable_weights])
history = pair.fit(np.ones((6, 3), "float32"), np.ones((6, 2), "float32"), batch_size=4, epochs=2, verbose=0)
print(sorted(history.history), len(history.history["critic_loss"]))
