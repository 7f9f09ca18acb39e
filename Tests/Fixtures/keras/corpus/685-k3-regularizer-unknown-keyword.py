# kernel_regularizer on a separable convolution: tf-keras takes it, Keras 3 names the regularizer it refuses.
# %%
from tensorflow import keras
from tensorflow.keras import layers, regularizers

try:
    conv = layers.SeparableConv2D(8, 3, padding="same", kernel_regularizer=regularizers.l2(0.01))
    print(conv.name)
except ValueError as error:
    print(str(error).split(" object")[0])
