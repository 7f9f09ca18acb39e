# Triplet-loss embedding network (anchor, positive, negative) with distances computed by
# tf ops in Lambda layers; the loss is defined by the user and passed to compile.
import tensorflow as tf
from tensorflow.keras import layers, Model, Input


def base_network(shape):
    inp = Input(shape=shape)
    x = layers.Conv2D(8, 3, activation="relu", padding="same")(inp)
    x = layers.MaxPooling2D(2)(x)
    x = layers.Flatten()(x)
    x = layers.Dense(16)(x)
    x = layers.Lambda(lambda t: tf.math.l2_normalize(t, axis=1))(x)
    return Model(inp, x, name="base")


def squared_distance(pair):
    a, b = pair
    return tf.reduce_sum(tf.math.squared_difference(a, b), axis=-1, keepdims=True)


def triplet_loss(y_true, y_pred, alpha=0.2):
    pos, neg = y_pred[:, 0], y_pred[:, 1]
    return tf.reduce_mean(tf.maximum(pos - neg + alpha, 0.0))


base = base_network((16, 16, 1))
anchor, positive, negative = Input((16, 16, 1)), Input((16, 16, 1)), Input((16, 16, 1))
ea, ep, en = base(anchor), base(positive), base(negative)
d_pos = layers.Lambda(squared_distance, name="d_pos")([ea, ep])
d_neg = layers.Lambda(squared_distance, name="d_neg")([ea, en])
stacked = layers.Concatenate(name="distances")([d_pos, d_neg])
model = Model([anchor, positive, negative], stacked)
model.compile(optimizer="adam", loss=triplet_loss)
model.summary()
print(len(model.layers), model.count_params())
