# keras.metrics exports the loss functions of keras.losses; on Keras tensors (inside a custom
# layer's call, as a first-edition VAE computes its loss, or in a functional graph) they record
# the same TensorFlow operations. Written for tf-keras: Keras 3's keras.backend has no int_shape.
import keras
from keras import layers
from keras import backend as K

inputs = keras.Input(shape=(6, 6, 1))
x = layers.Conv2D(4, 3, padding="same", activation="relu")(inputs)
print(K.int_shape(x))
decoded = layers.Conv2D(1, 3, padding="same", activation="sigmoid")(x)


class ReconstructionLoss(layers.Layer):
    def call(self, pair):
        original, rebuilt = pair
        flat_original = K.flatten(original)
        flat_rebuilt = K.flatten(rebuilt)
        loss = keras.metrics.binary_crossentropy(flat_original, flat_rebuilt)
        self.add_loss(K.mean(loss), inputs=pair)
        return original


checked = ReconstructionLoss()([inputs, decoded])
model = keras.Model(inputs, checked)
model.compile(optimizer="rmsprop", loss=None)
model.summary()

flat_in = layers.Flatten()(inputs)
flat_out = layers.Flatten()(decoded)
error = keras.metrics.mean_squared_error(flat_in, flat_out)
absolute = keras.metrics.mae(flat_in, flat_out)
print(error.shape, absolute.shape)
probe = keras.Model(inputs, [error, absolute])
probe.summary()
