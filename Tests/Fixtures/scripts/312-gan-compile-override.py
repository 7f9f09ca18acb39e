"""A subclassed keras.Model holding two Sequential models, overriding compile() to keep two
optimizers and a loss (super().compile() with no arguments), with a train_step that is defined
but not run, and a callback subclass that reads the model in on_epoch_end."""
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

critic = keras.Sequential(
    [keras.Input(shape=(12,)), layers.Dense(8), layers.LeakyReLU(), layers.Dense(1)],
    name="critic")
maker = keras.Sequential(
    [keras.Input(shape=(4,)), layers.Dense(8, activation="relu"), layers.Dense(12)],
    name="maker")


class PairModel(keras.Model):
    def __init__(self, critic, maker, noise):
        super().__init__()
        self.critic = critic
        self.maker = maker
        self.noise = noise

    def compile(self, critic_optimizer, maker_optimizer, loss_fn):
        super().compile()
        self.critic_optimizer = critic_optimizer
        self.maker_optimizer = maker_optimizer
        self.loss_fn = loss_fn

    def train_step(self, real):
        size = tf.shape(real)[0]
        fake = self.maker(tf.random.normal(shape=(size, self.noise)))
        with tf.GradientTape() as tape:
            scores = self.critic(tf.concat([fake, real], axis=0))
            loss = self.loss_fn(tf.zeros_like(scores), scores)
        grads = tape.gradient(loss, self.critic.trainable_weights)
        self.critic_optimizer.apply_gradients(zip(grads, self.critic.trainable_weights))
        return {"loss": loss}


class Report(keras.callbacks.Callback):
    def on_epoch_end(self, epoch, logs=None):
        print(epoch, self.model.noise)


pair = PairModel(critic, maker, noise=4)
pair.compile(
    critic_optimizer=keras.optimizers.Adam(learning_rate=0.001),
    maker_optimizer=keras.optimizers.Adam(learning_rate=0.002),
    loss_fn=keras.losses.BinaryCrossentropy(from_logits=True),
)
print(pair.noise, pair.critic.name, pair.maker.name)
print(type(pair.loss_fn).__name__)
report = Report()
critic.summary()
