# Freeze the layers named in a set, as fine-tuning tutorials do.
import tensorflow as tf

model = tf.keras.Sequential(name="finetune")
model.add(tf.keras.Input(shape=(28, 28, 1)))
for i, filters in enumerate((16, 32), start=1):
    model.add(tf.keras.layers.Conv2D(filters, 3, activation="relu", name=f"conv{i}"))
    model.add(tf.keras.layers.MaxPooling2D(name=f"pool{i}"))
model.add(tf.keras.layers.Flatten(name="flatten"))
model.add(tf.keras.layers.Dense(64, activation="relu", name="fc1"))
model.add(tf.keras.layers.Dense(10, name="logits"))

FROZEN = {"conv1", "conv2"}
names = {layer.name for layer in model.layers}
print(sorted(FROZEN & names), sorted(names - FROZEN))
print("unknown:", FROZEN - names or "none")
for layer in model.layers:
    if layer.name in FROZEN:
        layer.trainable = False
trainable = [layer.name for layer in model.layers if layer.trainable]
print(len(trainable), "trainable layers:", ", ".join(trainable))
model.summary()
