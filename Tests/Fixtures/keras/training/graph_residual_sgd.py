# Training fixture graph_residual_sgd: a residual block: Conv2D, BatchNormalization, Add, ReLU, a nested Sequential head, sgd.
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(6, 6, 3))
x = layers.Conv2D(4, 3, padding='same', activation='relu')(inputs)
y = layers.Conv2D(4, 3, padding='same', use_bias=False)(x)
y = layers.BatchNormalization()(y)
y = layers.Add()([x, y])
y = layers.Activation('relu')(y)
head = keras.Sequential([layers.GlobalAveragePooling2D(), layers.Dense(3, activation='softmax')], name='head')
outputs = head(y)
model = keras.Model(inputs, outputs, name='residual')
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05, momentum=0.9), loss='sparse_categorical_crossentropy', metrics=['accuracy'])
