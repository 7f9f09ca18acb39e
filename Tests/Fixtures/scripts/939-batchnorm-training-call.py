# BatchNormalization run on data with training=True: the batch's own statistics normalize it,
# and the moving statistics move towards them (momentum 0.99 by default, 0.9 below).
import numpy as np
from tensorflow import keras

single = keras.Sequential([keras.layers.BatchNormalization(input_shape=(1,))], name="single")
print(single(np.array([[100.0]], dtype="float32"), training=True))
for weight in single.non_trainable_weights:
    print(weight.name.split("/")[-1], weight.numpy())

rows = np.array([[1.0, 2.0], [3.0, 6.0], [-2.0, 0.5]], dtype="float32")
flat = keras.layers.BatchNormalization(momentum=0.9, epsilon=0.01)
print(flat(rows, training=True).numpy())
print(flat(rows, training=False).numpy())
print(flat.moving_mean.numpy(), flat.moving_variance.numpy())
print(flat(rows * 2.0, training=True).numpy()[0])
print(flat.moving_mean.numpy(), flat.moving_variance.numpy())

# Images: tf-keras takes its fused kernel here (the moving variance gets Bessel's correction).
images = (np.arange(2 * 3 * 3 * 4, dtype="float32").reshape(2, 3, 3, 4) % 7) / 3.0
conv_bn = keras.layers.BatchNormalization(axis=3, momentum=0.9)
out = conv_bn(images, training=True)
print(out.shape, out.numpy()[1, 2])
print(np.round(conv_bn.moving_mean.numpy(), 6), np.round(conv_bn.moving_variance.numpy(), 6))
print(conv_bn(images, training=False).numpy()[0, 0])

# A frozen layer keeps to its moving statistics even in training mode.
conv_bn.trainable = False
print(conv_bn(images, training=True).numpy()[0, 0])

# A model called with training=True runs its BatchNormalization layers the same way.
model = keras.Sequential(
    [keras.Input((3, 3, 4)), keras.layers.BatchNormalization(momentum=0.5, name="bn")], name="m"
)
print(model(images, training=True).numpy()[0, 1])
print(model.get_layer("bn").moving_mean.numpy())
print(model(images).numpy()[0, 1])

# Dropout in training mode draws its mask: only shapes are shown.
drop = keras.layers.Dropout(0.5)
print(drop(rows, training=True).shape)

