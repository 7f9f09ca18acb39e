# Wide fully-connected layers whose parameter counts need many digits, so the Param # column and
# the size in the footer reach their largest units.
from tensorflow import keras
from tensorflow.keras import layers

wide = keras.Sequential([
    keras.Input((4096,)),
    layers.Dense(8192, name="very_wide_hidden_layer"),
    layers.Dense(8192, name="another_wide_hidden_layer"),
    layers.Dense(1000, name="classifier"),
])
wide.summary()
print(wide.count_params())
