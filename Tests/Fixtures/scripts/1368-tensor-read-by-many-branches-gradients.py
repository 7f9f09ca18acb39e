# A tensor read by several layers (the branches of an Inception-style block) gets one gradient
# from each; TensorFlow adds them in the order the branches read it when they are alike, which
# the last digits of the losses and predictions after training show.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

keras.utils.set_random_seed(21)
images = keras.Input((6, 6, 2))
stem = layers.Conv2D(4, 3, padding="same", activation="relu", name="stem")(images)
one = layers.Conv2D(2, 1, activation="relu", name="one")(stem)
three = layers.Conv2D(3, 3, padding="same", activation="relu", name="three")(stem)
pool = layers.MaxPooling2D(3, strides=1, padding="same")(stem)
pool = layers.Conv2D(2, 1, name="pool_proj")(pool)
block = layers.Concatenate()([one, three, pool])
head = layers.Dense(3, name="head")(layers.GlobalAveragePooling2D()(block))
net = keras.Model(images, head)
net.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse")
rng = np.random.RandomState(8)
x = rng.rand(16, 6, 6, 2).astype("float32")
y = rng.rand(16, 3).astype("float32")
print(net.fit(x, y, epochs=3, batch_size=4, verbose=0).history["loss"])
print(net.predict(x[:2], verbose=0))

keras.utils.set_random_seed(2)
features = keras.Input((6,))
shared = layers.Dense(5, activation="tanh", name="shared")(features)
parts = [layers.Dense(3, activation="tanh", name=f"part{i}")(shared) for i in range(4)]
wide = keras.Model(features, layers.Dense(2, name="out")(layers.Concatenate()(parts)))
wide.compile(optimizer=keras.optimizers.SGD(0.3), loss="mse")
u = rng.rand(32, 6).astype("float32")
print(wide.fit(u, rng.rand(32, 2), epochs=4, batch_size=8, verbose=0).history["loss"])
print(wide.predict(u[:3], verbose=0))
