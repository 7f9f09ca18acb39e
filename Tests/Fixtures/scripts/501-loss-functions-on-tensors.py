# keras.losses functions called on Keras tensors record the TensorFlow functions they run.
from tensorflow import keras
from tensorflow.keras import layers, losses

target = keras.Input(shape=(5,), name="target")
guess_in = keras.Input(shape=(4,), name="features")
guess = layers.Dense(5, name="guess")(guess_in)
squared = losses.mean_squared_error(target, guess)
absolute = keras.losses.mae(target, guess)
logits = keras.losses.binary_crossentropy(target, guess, from_logits=True)
print(squared.shape, absolute.shape, logits.shape)
both = keras.Model([guess_in, target], [squared, absolute, logits], name="losses_as_outputs")
both.summary()
print([layer.__class__.__name__ for layer in both.layers][-3:])
