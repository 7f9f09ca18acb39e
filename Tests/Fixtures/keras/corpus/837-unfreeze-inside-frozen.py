# Fine-tuning the top of a frozen base: the base is frozen as a whole, then its last layers are
# made trainable again one by one; the counts and summaries show which weights will train.
from tensorflow import keras
from tensorflow.keras import layers

base = keras.Sequential([
    keras.Input(shape=(24, 24, 3)),
    layers.Conv2D(8, 3, activation="relu", name="b_conv1"),
    layers.BatchNormalization(name="b_bn1"),
    layers.Conv2D(16, 3, activation="relu", name="b_conv2"),
    layers.BatchNormalization(name="b_bn2"),
    layers.GlobalAveragePooling2D(name="b_gap"),
], name="base")
inputs = keras.Input(shape=(24, 24, 3))
outputs = layers.Dense(3, name="head")(base(inputs, training=False))
model = keras.Model(inputs, outputs, name="finetune")

base.trainable = False
for layer in base.layers[-3:]:
    layer.trainable = True
print([layer.trainable for layer in base.layers], base.trainable)
print(len(model.trainable_weights), len(model.non_trainable_weights))
print(len(base.trainable_weights), len(base.non_trainable_weights))
model.summary(show_trainable=True, expand_nested=True)
base.trainable = False
print([layer.trainable for layer in base.layers])
base.trainable = True
base.trainable = False
print([layer.trainable for layer in base.layers])
model.summary(show_trainable=True)
