# Setup lines of a training script: a plot style, and a strategy that keeps everything on one
# device while the model is defined.
import matplotlib.pyplot as plt
import tensorflow as tf

plt.style.use("ggplot")
print(plt.style.use(["bmh", "default"]))

strategy = tf.distribute.OneDeviceStrategy(device="/cpu:0")
print(type(strategy).__name__, strategy.num_replicas_in_sync)
with strategy.scope():
    model = tf.keras.Sequential(
        [tf.keras.Input(shape=(6,)), tf.keras.layers.Dense(3, activation="relu")]
    )
    model.compile(optimizer="adam", loss="mse")
model.summary()

try:
    tf.distribute.OneDeviceStrategy()
except TypeError as error:
    print("TypeError:", error)

plt.style.use("seaborn-whitegrid")
