# Habits of older notebooks around model code: warning filters by category, a version check with
# distutils, an optional import of a module TensorFlow 2 dropped, printf-style names.
import warnings
warnings.filterwarnings("ignore", category=FutureWarning)
warnings.simplefilter(action="ignore", category=DeprecationWarning)

from distutils.version import LooseVersion
import tensorflow as tf
from tensorflow import keras

print(LooseVersion(tf.__version__) >= LooseVersion("2.0"), LooseVersion("2.9.1") < "2.10")
try:
    from tensorflow.contrib.keras import layers as contrib_layers
except ImportError as error:
    print(type(error).__name__, error)

model = keras.Sequential(name="blocks")
model.add(keras.Input(shape=(16,)))
for stage in range(3):
    model.add(keras.layers.Dense(8, name="fc%d%c" % (stage + 1, 97 + stage)))
print([layer.name for layer in model.layers])
try:
    model.fit
except KeyboardInterrupt:
    print("stopped")
warnings.warn("this one is shown", UserWarning)
print(model.count_params())
head = Input(shape=(4,))
