# Walking a batch through a model's layers one at a time, as textbooks do to show each output shape.
import numpy as np
import tensorflow as tf


def small_net():
    return tf.keras.Sequential([
        tf.keras.layers.Conv2D(8, kernel_size=3, padding="same", activation="relu"),
        tf.keras.layers.MaxPool2D(pool_size=2, strides=2),
        tf.keras.layers.Conv2D(16, kernel_size=3, activation="relu"),
        tf.keras.layers.GlobalAveragePooling2D(),
        tf.keras.layers.Dropout(0.3),
        tf.keras.layers.Dense(5),
    ])


X = tf.random.uniform((2, 12, 12, 3))
print(X.shape, X.dtype)
for layer in small_net().layers:
    X = layer(X)
    print(f"{layer.__class__.__name__:<24}", X.shape)

# A whole model called on data builds it for that shape.
net = small_net()
out = net(tf.random.normal((4, 10, 10, 3)))
print(out.shape)
print([w.shape for w in net.get_weights()])

# Pooling a known grid gives known values.
grid = np.arange(16).reshape(1, 4, 4, 1).astype("float32")
pooled = tf.keras.layers.MaxPool2D(pool_size=2)(grid)
print(pooled)
print(pooled.numpy().reshape(2, 2))
avg = tf.keras.layers.GlobalAveragePooling2D()(grid)
print(repr(avg))


def shape_after(conv, size):
    x = tf.random.uniform((size, size))
    x = tf.reshape(x, (1,) + x.shape + (1,))
    y = conv(x)
    return tf.reshape(y, y.shape[1:3]).shape


print(shape_after(tf.keras.layers.Conv2D(1, kernel_size=3, padding="same", strides=2), 9))
print(shape_after(tf.keras.layers.Conv2D(1, kernel_size=(3, 5), strides=(3, 4)), 9))
