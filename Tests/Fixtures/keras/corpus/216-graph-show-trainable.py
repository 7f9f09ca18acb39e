# Fine-tuning: the early layers are frozen one by one and the summary shows which are trainable.
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(32, 32, 3), name="pixels")
c1 = layers.Conv2D(16, 3, padding="same", activation="relu", name="c1")(inputs)
c2 = layers.Conv2D(16, 3, padding="same", activation="relu", name="c2")(c1)
merged = layers.add([c1, c2], name="skip")
bn = layers.BatchNormalization(name="bn")(merged)
pooled = layers.GlobalAveragePooling2D(name="gap")(bn)
logits = layers.Dense(10, name="logits")(pooled)
net = keras.Model(inputs, logits, name="finetune")
net.get_layer("c1").trainable = False
net.layers[2].trainable = False
net.summary(show_trainable=True)
