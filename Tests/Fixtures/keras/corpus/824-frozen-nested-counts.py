# Trainable flags on layers and on nested models, printed as counts and as summaries; a frozen
# model inside a trainable one, a trainable layer inside a frozen model.
from tensorflow import keras
from tensorflow.keras import layers

base_in = keras.Input(shape=(16, 16, 3))
k = layers.Conv2D(8, 3, name="base_conv")(base_in)
k = layers.BatchNormalization(name="base_bn")(k)
k = layers.GlobalAveragePooling2D(name="base_gap")(k)
base = keras.Model(base_in, k, name="base")

top_in = keras.Input(shape=(16, 16, 3))
t = base(top_in, training=False)
t = layers.Dense(8, name="adapter")(t)
t = layers.BatchNormalization(name="head_bn")(t)
full = keras.Model(top_in, layers.Dense(2, name="cls")(t), name="full")


def counts(m):
    return (len(m.trainable_weights), len(m.non_trainable_weights))


print(counts(full))
base.trainable = False
print(counts(full))
full.summary()
base.get_layer("base_bn").trainable = True
print(counts(full), base.trainable)
full.summary(show_trainable=True)
full.get_layer("adapter").trainable = False
full.summary(show_trainable=True, expand_nested=True)
full.trainable = False
print(counts(full))
full.summary()
