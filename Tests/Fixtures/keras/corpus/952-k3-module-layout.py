# Where the data-preparation helpers live: the old `keras.preprocessing` modules, which the two
# Keras versions lay out differently, probed the way a notebook would.
import tensorflow as tf
import keras

print(hasattr(keras.preprocessing, "image"), hasattr(keras.preprocessing, "sequence"))
print(hasattr(tf.keras.preprocessing.image, "ImageDataGenerator"))
print(hasattr(keras.preprocessing.image, "ImageDataGenerator"))
print(hasattr(keras.layers, "experimental"), hasattr(tf.keras.layers, "experimental"))

# %%
try:
    from keras.preprocessing.image import ImageDataGenerator
    print("imported")
except ImportError as err:
    print(type(err).__name__, str(err).split(" (")[0])

# %%
try:
    keras.preprocessing.image.ImageDataGenerator
except AttributeError as err:
    print(type(err).__name__, err)

# %%
try:
    tf.keras.preprocessing.image.DataGeneratorThatDoesNotExist
except AttributeError as err:
    print(type(err).__name__, err)
