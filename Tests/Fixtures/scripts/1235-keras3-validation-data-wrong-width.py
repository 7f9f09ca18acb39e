"""fit with validation data of the wrong width: the train step runs an epoch, then the test step
is traced on the validation rows and fails there (Keras 3: training=False in Sequential.call()'s
text)."""
import numpy as np
import keras


class Report(keras.callbacks.Callback):
    def on_epoch_end(self, epoch, logs=None):
        print("epoch", epoch, "ended")


model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, use_bias=False)])
model.compile(optimizer="sgd", loss="mae")
model.fit(
    np.ones((4, 2)), np.ones((4, 1)), validation_data=(np.ones((3, 5)), np.ones((3, 1))),
    callbacks=[Report()], verbose=0,
)
