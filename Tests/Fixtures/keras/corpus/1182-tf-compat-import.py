# Model code that imports TensorFlow's v1 compatibility modules at the top (keras-unet-collection's
# layer utilities do) while the model itself uses only Keras layers.
import tensorflow as tf
from tensorflow import expand_dims
from tensorflow.compat.v1 import image
from tensorflow.keras import layers, Model, Input

# %%
x_in = Input((32, 32, 3))
x = layers.Conv2D(8, 3, padding="same", name="down_conv")(x_in)
pooled = layers.GlobalAveragePooling2D(name="squeeze")(x)
pooled = expand_dims(expand_dims(pooled, 1), 1)
x = layers.multiply([x, layers.Conv2D(8, 1, activation="sigmoid", name="excite")(pooled)])
out = layers.Conv2D(2, 1, activation="softmax", name="mask")(x)
model = Model(x_in, out, name="compat_importer")
model.summary()
print(tf.compat.v1.image is image)
