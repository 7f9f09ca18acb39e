# Global average pooling is tf.reduce_mean over the spatial axes in both Kerases: TensorFlow's
# Eigen kernel keeps the channels in packets of eight and adds the positions in four running
# sums from sixteen positions on; one channel, or channels after the last whole packet, add the
# positions one after another. Every output is printed with all its digits.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers


def data(*shape):
    count = int(np.prod(shape))
    steps = (np.arange(count) * 7919) % 1000 - 500
    return (steps / 37.0).astype("float32").reshape(shape)


cases = [
    (layers.GlobalAveragePooling2D(), (10, 10, 32)),
    (layers.GlobalAveragePooling2D(), (7, 7, 20)),
    (layers.GlobalAveragePooling2D(keepdims=True), (5, 4, 1)),
    (layers.GlobalAveragePooling2D(), (1, 1, 6)),
    (layers.GlobalAveragePooling1D(), (100, 12)),
    (layers.GlobalAveragePooling1D(), (300, 3)),
    (layers.GlobalAveragePooling3D(), (3, 4, 5, 9)),
]
for layer, shape in cases:
    model = keras.Sequential([keras.Input(shape), layer])
    batch = data(2, *shape)
    predicted = model.predict(batch, verbose=0)
    print(layer.name, predicted.shape, predicted.reshape(-1).tolist())
    eager = np.asarray(layer(batch))
    print("eager call the same:", bool((eager == predicted).all()))

# A model that prints its head's inputs: pooled features of a convolution.
keras.utils.set_random_seed(4)
inputs = keras.Input((1, 60, 16))
x = layers.Conv2D(16, (1, 3), padding="same")(inputs)
x = layers.GlobalAveragePooling2D()(x)
head = keras.Model(inputs, x)
print(head.predict(data(3, 1, 60, 16), verbose=0)[:, :10].tolist())
