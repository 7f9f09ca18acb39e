# MobileNet-style depthwise separable blocks, written with DepthwiseConv2D + 1x1 Conv2D.
from tensorflow import keras
from tensorflow.keras import layers

alpha = 1.0
model = keras.Sequential([
    keras.Input(shape=(96, 96, 3)),
    layers.Conv2D(32, 3, strides=2, padding='same', use_bias=False, name='conv1'),
    layers.BatchNormalization(name='conv1_bn'),
    layers.ReLU(6., name='conv1_relu'),
    # block 1
    layers.DepthwiseConv2D((3, 3), padding='same', use_bias=False, name='conv_dw_1'),
    layers.BatchNormalization(name='conv_dw_1_bn'),
    layers.ReLU(6., name='conv_dw_1_relu'),
    layers.Conv2D(64, (1, 1), padding='same', use_bias=False, name='conv_pw_1'),
    layers.BatchNormalization(name='conv_pw_1_bn'),
    layers.ReLU(6., name='conv_pw_1_relu'),
    # block 2 (strided)
    layers.ZeroPadding2D(((0, 1), (0, 1)), name='conv_pad_2'),
    layers.DepthwiseConv2D((3, 3), strides=(2, 2), padding='valid', use_bias=False, name='conv_dw_2'),
    layers.BatchNormalization(name='conv_dw_2_bn'),
    layers.ReLU(6., name='conv_dw_2_relu'),
    layers.Conv2D(128, (1, 1), padding='same', use_bias=False, name='conv_pw_2'),
    layers.BatchNormalization(name='conv_pw_2_bn'),
    layers.ReLU(6., name='conv_pw_2_relu'),
    # depth multiplier
    layers.DepthwiseConv2D(3, depth_multiplier=2, padding='same', name='dw_mult'),
    layers.GlobalAveragePooling2D(keepdims=True),
    layers.Dropout(1e-3, name='dropout'),
    layers.Conv2D(10, (1, 1), padding='same', name='conv_preds'),
    layers.Reshape((10,), name='reshape_2'),
    layers.Activation('softmax', name='predictions'),
], name='mobilenet_0.25_96')
model.summary()
print(model.get_layer('dw_mult').count_params())
print(model.get_layer('conv_dw_2').output_shape)
