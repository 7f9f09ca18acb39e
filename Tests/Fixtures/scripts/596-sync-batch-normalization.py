# tf-keras' layers.experimental.SyncBatchNormalization, which detection backbones pick
# when TensorFlow is recent enough: named, counted and run as BatchNormalization on one
# device, in training too. (Keras 3 has no layers.experimental.)
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


def norm(*args, **kwargs):
    if tf.__version__ >= "2.2":
        from tensorflow.keras.layers.experimental import SyncBatchNormalization
        return SyncBatchNormalization(*args, **kwargs)
    return layers.BatchNormalization(*args, **kwargs)


inputs = keras.Input((6, 6, 2))
x = layers.Conv2D(4, 3, use_bias=False, kernel_initializer="ones")(inputs)
x = norm(momentum=0.9, epsilon=1e-3)(x)
x = layers.ReLU()(x)
x = tf.keras.layers.experimental.SyncBatchNormalization(name="sync_head", center=False)(x)
outputs = layers.GlobalAveragePooling2D()(x)
model = keras.Model(inputs, outputs)
model.summary()
print(type(model.layers[2]).__name__, model.layers[2].name, model.layers[2].epsilon)
print([w.name for w in model.layers[4].weights])
data = np.linspace(-1.0, 1.0, 4 * 72, dtype="float32").reshape(4, 6, 6, 2)
print(np.round(model.predict(data, verbose=0), 4))
model.compile(optimizer=keras.optimizers.SGD(0.05), loss="mse")
history = model.fit(data, np.ones((4, 4), "float32"), epochs=2, batch_size=4, verbose=0)
print([round(v, 4) for v in history.history["loss"]])
# The moving mean stays at rounding noise (the batches are symmetric about zero): + 0.0 prints
# noise of either sign as 0.
print(np.round(model.layers[2].get_weights()[2], 4) + 0.0)
