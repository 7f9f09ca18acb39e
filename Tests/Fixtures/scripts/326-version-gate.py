# Check the installed TensorFlow before building, as notebooks do, and branch on the version.
from packaging import version
import tensorflow as tf

assert version.parse(tf.__version__) >= version.parse("2.8.0"), "needs TensorFlow 2.8+"
current = version.parse(tf.__version__)
print(current.major >= 2, current > version.parse("2.8.0rc1"), version.parse("2.10") > version.parse("2.9.1"))
print(version.parse("2.16.0") == version.parse("2.16"), sorted(map(str, map(version.parse, ["2.10.0", "2.9.1", "2.9.0rc0"]))))
if current >= version.parse("2.11"):
    optimizer = tf.keras.optimizers.Adam(learning_rate=1e-3)
else:
    optimizer = tf.keras.optimizers.legacy.Adam(learning_rate=1e-3)

model = tf.keras.Sequential([tf.keras.Input(shape=(6,)), tf.keras.layers.Dense(4, activation="relu"), tf.keras.layers.Dense(1)])
model.compile(optimizer=optimizer, loss="mse")
model.summary()
try:
    version.parse("latest")
except ValueError as error:
    print("skipped:", error)
