# A registry of building blocks checks classes before instantiating them: every Keras layer class
# and Model is a Layer, Sequential is a Model, and a few layer classes extend others.
import tensorflow as tf
from tensorflow.keras import layers


class Block:
    pass


checks = [
    (tf.keras.Model, layers.Layer),
    (tf.keras.Sequential, tf.keras.Model),
    (tf.keras.Sequential, layers.Layer),
    (tf.keras.Model, tf.keras.Sequential),
    (layers.Layer, layers.Conv2D),
    (layers.Conv2D, layers.Layer),
    (layers.Dense, (layers.Conv2D, layers.Dense)),
    (layers.Dense, tf.keras.Model),
    (layers.LSTM, layers.RNN),
    (layers.GRU, layers.LSTM),
    (layers.SpatialDropout2D, layers.Dropout),
    (layers.Dropout, layers.SpatialDropout2D),
    (layers.Conv2DTranspose, layers.Conv2D),
    (layers.AdditiveAttention, layers.Attention),
    (layers.Dense, object),
    (layers.Dense, Block),
    (layers.Dense, (int, str)),
]
for child, parent in checks:
    print(issubclass(child, parent), end=" ")
print()
catalog = {"conv": layers.Conv2D, "pool": layers.MaxPooling2D, "net": tf.keras.Sequential}
print(sorted(name for name, cls in catalog.items() if issubclass(cls, tf.keras.Model)))
print(sorted(name for name, cls in catalog.items() if issubclass(cls, layers.Layer)))
