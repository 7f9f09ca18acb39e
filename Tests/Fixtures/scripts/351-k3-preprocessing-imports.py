"""Data-preparation imports as older tutorials write them, guarded the way a script that must run
on several Keras versions guards them."""
import tensorflow as tf
from tensorflow.keras.preprocessing.image import ImageDataGenerator
from tensorflow.keras import layers

try:
    from tensorflow.keras.preprocessing.text import Tokenizer
    print("Tokenizer from tensorflow.keras.preprocessing.text")
except ImportError as err:
    print("no keras.preprocessing.text:", type(err).__name__)

try:
    from tensorflow.keras.preprocessing.sequence import pad_sequences
    print("pad_sequences found")
except ImportError as err:
    print("no pad_sequences:", type(err).__name__)

try:
    tf.keras.preprocessing.image.ImageDataGenerators
except AttributeError as err:
    print(err)

model = tf.keras.Sequential([
    tf.keras.Input((32, 32, 3)),
    layers.Rescaling(1.0 / 255),
    layers.Conv2D(8, 3, activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(4),
])
model.summary()
print(tf.keras.layers.Conv2d)
