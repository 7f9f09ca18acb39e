# A book's set-up cell: which Python and TensorFlow run, whether a notebook service (Colab,
# Kaggle, Jupyter) loaded its modules, and a hint when no accelerator is there.
import sys

from packaging import version
import tensorflow as tf

assert sys.version_info >= (3, 8), "needs a recent Python"
assert version.parse(tf.__version__) >= version.parse("2.12")

ON_COLAB = "google.colab" in sys.modules
ON_KAGGLE = "kaggle_secrets" in sys.modules
IN_JUPYTER = "ipykernel" in sys.modules or "IPython.core" in sys.modules
print("services:", ON_COLAB, ON_KAGGLE, IN_JUPYTER, "sys" in sys.modules)
print("not colab:", "google.colab.drive" not in sys.modules)

if not tf.config.list_physical_devices("GPU"):
    print("No accelerator found.")
    if ON_COLAB:
        print("Pick one under Runtime > Change runtime type.")
    if ON_KAGGLE:
        print("Pick one under Settings > Accelerator.")

# %%
from tensorflow import keras

inputs = keras.Input(shape=(10,))
hidden = keras.layers.Dense(4, activation="tanh")(inputs)
outputs = keras.layers.Dense(1)(hidden)
keras.Model(inputs, outputs, name="setup_check").summary()
