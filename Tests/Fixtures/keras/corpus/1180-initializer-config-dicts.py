# Initializers and regularizers given to layers as Keras config dicts, the way the EfficientNet and
# ResNeXt code of keras.applications writes them: the layer gets the object the dict describes.
from tensorflow import keras
from tensorflow.keras import layers

STEM_INIT = {"class_name": "VarianceScaling",
             "config": {"scale": 2.0, "mode": "fan_out", "distribution": "truncated_normal"}}
HEAD_INIT = {"class_name": "VarianceScaling",
             "config": {"scale": 1.0 / 3.0, "mode": "fan_out", "distribution": "uniform"}}

# %%
inputs = keras.Input(shape=(16, 16, 3))
x = layers.Conv2D(8, 3, strides=2, padding="same", use_bias=False,
                  kernel_initializer=STEM_INIT, name="stem_conv")(inputs)
x = layers.BatchNormalization(name="stem_bn")(x)
x = layers.DepthwiseConv2D(3, padding="same", use_bias=False,
                           depthwise_initializer=STEM_INIT, name="dw")(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(5, kernel_initializer=HEAD_INIT,
                       kernel_regularizer={"class_name": "L2", "config": {"l2": 0.001}},
                       bias_initializer={"class_name": "Constant", "config": {"value": 0.5}},
                       name="head")(x)
net = keras.Model(inputs, outputs, name="tiny_effnet")
net.summary()
print(net.get_layer("head").bias.numpy())

# %%
layers.Dense(3, kernel_initializer={"class_name": "NoSuchInit", "config": {}})

# %%
layers.Conv2D(3, 1, kernel_regularizer={"class_name": "NoSuchRegularizer", "config": {}})

# %%
print(layers.Dense(2).name, layers.Conv2D(1, 1).name)
