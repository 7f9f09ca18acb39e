# keras.ops is Keras 3's: tf-keras has no ops module to import.
# %%
try:
    from tensorflow.keras import ops
    print("imported ops")
except ImportError as error:
    print(type(error).__name__, str(error).split(" (")[0])

# %%
import keras
try:
    from keras import ops
    x = keras.Input(shape=(4,))
    print(ops.relu(x).shape)
except ImportError as error:
    print(type(error).__name__, str(error).split(" (")[0])

# %%
import tensorflow as tf
print(hasattr(tf.keras, "ops"))
