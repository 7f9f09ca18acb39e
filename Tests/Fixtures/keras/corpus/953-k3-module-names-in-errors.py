# Misspelled names reached through `import keras` and through `tf.keras`: Python's error names the
# module object, which is not the same under both paths.
import tensorflow as tf
import keras
from keras import layers as kl
from tensorflow.keras import layers as tl

for probe in [
    lambda: keras.layers.Conv2d,
    lambda: tf.keras.layers.Conv2d,
    lambda: kl.Dense2,
    lambda: tl.Dense2,
    lambda: keras.models.Sequental,
    lambda: tf.keras.models.Sequental,
    lambda: keras.optimizers.adam,
    lambda: tf.keras.optimizers.adam,
    lambda: keras.losses.CategoricalCrossEntropy,
    lambda: tf.keras.losses.CategoricalCrossEntropy,
    lambda: keras.utils.to_categoricals,
    lambda: tf.keras.utils.to_categoricals,
    lambda: keras.Sequentail,
    lambda: tf.keras.Sequentail,
    lambda: keras.regularizers.L3,
    lambda: keras.activations.rellu,
    lambda: keras.callbacks.EarlyStop,
    lambda: tf.keras.metrics.Acuracy,
    lambda: keras.optimizers.schedules.ExpDecay,
]:
    try:
        probe()
    except AttributeError as err:
        print(err)

# %%
keras.layers.Conv2d(8, 3)
