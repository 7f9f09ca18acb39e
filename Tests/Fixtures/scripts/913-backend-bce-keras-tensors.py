# keras.backend.binary_crossentropy on Keras tensors: tf-keras records it as one TFOpLambda
# layer (element by element, the target first); Keras 3 refuses a TensorFlow function on its
# symbolic tensors. An output of a sigmoid is computed from its logits either way (tf-keras' _get_logits).
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import backend as K

keras.utils.set_random_seed(4)
pixels = keras.Input((6,))
code = keras.layers.Dense(3, activation="relu")(pixels)
rebuilt = keras.layers.Dense(6, activation="sigmoid")(code)
per_pixel = K.binary_crossentropy(pixels, rebuilt)
logit_loss = K.binary_crossentropy(pixels, rebuilt, from_logits=True)
total = K.sum(per_pixel, axis=-1)
model = keras.Model(pixels, [total, logit_loss])
model.summary()
batch = np.linspace(0.0, 1.0, 12).reshape(2, 6).astype("float32")
sums, logits = model.predict(batch, verbose=0)
print(np.round(sums, 3))
print(np.round(logits, 3))
