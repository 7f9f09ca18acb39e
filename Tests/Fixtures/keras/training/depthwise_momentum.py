# Training fixture depthwise_momentum: DepthwiseConv2D with a depth multiplier, strides and same padding, then a pointwise Conv2D, SGD momentum.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(7, 7, 3)),
    layers.DepthwiseConv2D(3, strides=2, padding='same', depth_multiplier=2, activation='relu'),
    layers.Conv2D(4, 1, activation='tanh'),
    layers.GlobalAveragePooling2D(),
    layers.Dense(3, activation='softmax'),
], name='depthwise_momentum')
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1, momentum=0.9), loss='sparse_categorical_crossentropy', metrics=['accuracy'])
