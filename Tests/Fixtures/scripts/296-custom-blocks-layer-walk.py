# Walking the layers of a Sequential model that holds custom blocks, each called on an eager
# tensor (the blocks were added before the model knew its input shape).
import tensorflow as tf


class ConvUnit(tf.keras.layers.Layer):
    def __init__(self, filters, **kwargs):
        super().__init__(**kwargs)
        self.conv = tf.keras.layers.Conv2D(filters, 3, padding="same")
        self.norm = tf.keras.layers.BatchNormalization()

    def call(self, x, training=None):
        y = self.conv(x)
        y = self.norm(y, training=training)
        return tf.nn.relu(y)


class Stage(tf.keras.layers.Layer):
    def __init__(self, filters, units):
        super().__init__()
        self.units_list = [ConvUnit(filters) for _ in range(units)]
        self.pool = tf.keras.layers.MaxPool2D(2)

    def call(self, x):
        for unit in self.units_list:
            x = unit(x)
        return self.pool(x)


def make_net():
    net = tf.keras.Sequential()
    net.add(tf.keras.layers.Conv2D(8, 5, padding="same", activation="relu"))
    net.add(Stage(8, 2))
    net.add(Stage(16, 1))
    net.add(tf.keras.layers.GlobalAveragePooling2D())
    net.add(tf.keras.layers.Dense(5))
    return net


X = tf.random.uniform(shape=(2, 32, 32, 3))
for layer in make_net().layers:
    X = layer(X)
    print(layer.__class__.__name__, "output shape:\t", X.shape)
