# The "seed everything" helper of many tutorials: Python's random seeded by hand makes Keras'
# initializer seeds repeat too (tf-keras draws them from it when keras.utils.set_random_seed
# was not called; Keras 3 always does).
import random

import numpy as np
import tensorflow as tf


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    tf.random.set_seed(seed)


seed_everything(7)
model = tf.keras.Sequential([
    tf.keras.layers.Dense(3, input_shape=(2,)),
    tf.keras.layers.Dense(1, kernel_initializer="he_uniform"),
])
for weight in model.get_weights():
    print(np.round(weight, 5).tolist())
print(random.random())
