"""The classic GAN loop with train_on_batch: the discriminator is compiled, then frozen inside
the combined generator + discriminator model. tf-keras keeps the trainable flags a model had when
it was compiled (the discriminator still learns on its own batches); Keras 3 reads them at each
step (it stays frozen). Also: trainable changed after compile and after a first step."""
import numpy as np
from tensorflow import keras

real = np.cos(np.arange(24, dtype="float32").reshape(8, 3) * 1.3)
noise = np.sin(np.arange(16, dtype="float32").reshape(8, 2) * 0.7)
ones = np.ones((8, 1), "float32")
zeros = np.zeros((8, 1), "float32")

critic = keras.Sequential([
    keras.Input(shape=(3,)),
    keras.layers.Dense(1, activation="sigmoid", kernel_initializer="ones"),
], name="critic")
critic.compile(optimizer=keras.optimizers.SGD(0.5), loss="binary_crossentropy")
maker = keras.Sequential([
    keras.Input(shape=(2,)),
    keras.layers.Dense(3, kernel_initializer=keras.initializers.Constant(0.3)),
], name="maker")
critic.trainable = False
seed = keras.Input(shape=(2,))
stacked = keras.Model(seed, critic(maker(seed)))
stacked.compile(optimizer=keras.optimizers.SGD(0.5), loss="binary_crossentropy")
for step in range(2):
    on_real = critic.train_on_batch(real, ones)
    on_fake = critic.train_on_batch(maker.predict(noise, verbose=0), zeros)
    fooled = stacked.train_on_batch(noise, ones)
    print(step, round(on_real, 4), round(on_fake, 4), round(fooled, 4))
    print("  critic", np.round(critic.get_weights()[0].ravel(), 4))
    print("  maker ", np.round(maker.get_weights()[0].ravel(), 4))


def fresh():
    model = keras.Sequential([
        keras.Input(shape=(3,)),
        keras.layers.Dense(1, activation="sigmoid", kernel_initializer="ones"),
    ])
    return model


for case in ["frozen after compile", "unfrozen after compile", "frozen after a step"]:
    model = fresh()
    if case == "unfrozen after compile":
        model.trainable = False
    model.compile(optimizer=keras.optimizers.SGD(0.5), loss="binary_crossentropy")
    if case == "frozen after compile":
        model.trainable = False
    if case == "unfrozen after compile":
        model.trainable = True
    model.train_on_batch(real, ones)
    if case == "frozen after a step":
        model.trainable = False
    model.fit(real, ones, verbose=0)
    print(case, np.round(model.get_weights()[0].ravel(), 4))
