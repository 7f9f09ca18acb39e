"""Short loss and metric names (mse, mae, ...) through tensorflow.keras, and the names that
one Keras version has and the other lacks."""
import tensorflow as tf
from tensorflow.keras.losses import mse, mae, msle, mape
from tensorflow.keras import losses, metrics, activations, optimizers, callbacks

probes = [
    (losses, ["mse", "MAE", "kld", "logcosh", "Reduction", "mean_squared_error", "dice", "Tversky", "huber"]),
    (metrics, ["mse", "msle", "mean_squared_error", "MeanTensor", "huber", "categorical_hinge"]),
    (activations, ["relu6", "silu", "swish", "leaky_relu", "log_softmax", "gelu"]),
    (optimizers, ["Adam", "Lamb", "adam", "Lion"]),
    (callbacks, ["EarlyStopping", "SwapEMAWeights", "BaseLogger"]),
]
for module, names in probes:
    found = []
    for name in names:
        try:
            getattr(module, name)
            found.append(name)
        except AttributeError as error:
            print("missing:", error)
    print("found:", found)

for name in ["saving", "losses", "src"]:
    print(name, hasattr(tf.keras, name))

try:
    from tensorflow.keras.activations import relu6
    print("imported relu6")
except ImportError as error:
    print(str(error).split(" (")[0])

model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1)])
model.compile(optimizer="adam", loss=mse, metrics=[mae])
print(mse.__name__, mae.__name__, callable(losses.MeanSquaredError()), callable(tf.keras.optimizers.SGD()))
losses.Tversky
