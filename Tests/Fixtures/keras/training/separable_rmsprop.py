# Training fixture separable_rmsprop: SeparableConv2D with strides and a depth multiplier, SeparableConv1D after a Reshape, RMSprop.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(8, 8, 2)),
    layers.SeparableConv2D(5, 3, strides=2, padding='same', depth_multiplier=2, activation='relu'),
    layers.SeparableConv2D(4, 2, dilation_rate=2, pointwise_regularizer=keras.regularizers.l2(0.01)),
    layers.Reshape((4, 4)),
    layers.SeparableConv1D(3, 2, activation='sigmoid'),
    layers.Flatten(),
    layers.Dense(3, activation='softmax'),
], name='separable_rmsprop')
model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.01), loss='categorical_crossentropy', metrics=['accuracy'])
