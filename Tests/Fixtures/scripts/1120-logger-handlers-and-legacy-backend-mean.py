# The Python around a model: a named logger's handler list before anything is added to it (the
# usual `if not logger.handlers:` guard), and tf.keras.backend's mean/std/var on a Keras tensor:
# tf-keras traces them into the model, Keras 3's legacy backend reads `x.dtype.base_dtype` first,
# which its Keras tensors (dtype a str) do not have.
import logging

import tensorflow as tf
from tensorflow import keras
import tensorflow.keras.backend as K

log = logging.getLogger("trainer.setup")
if not log.handlers:
    print("no handlers yet:", log.handlers, logging.getLogger().handlers)
print(log.disabled, log.filters, log.propagate, log.name)

inputs = keras.Input(shape=(6, 4), name="frames")
hidden = keras.layers.Dense(3, name="project")(inputs)
try:
    print("mean", K.mean(hidden, axis=1).shape)
except AttributeError as error:
    print("mean AttributeError:", error)
try:
    print("std", K.std(hidden, axis=2, keepdims=True).shape)
except AttributeError as error:
    print("std AttributeError:", error)
try:
    print("var", K.var(x=hidden).shape)
except AttributeError as error:
    print("var AttributeError:", error)
model = keras.Model(inputs, K.mean(hidden, axis=-1), name="pooled")
model.summary()
