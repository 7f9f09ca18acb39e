# Training fixture graph_nested_encoder_outputs_sgd: a nested functional encoder with two outputs (a skip and a deeper map) called as one layer of a U-Net-style model: gradients flow back through both outputs, sgd.
from tensorflow import keras
from tensorflow.keras import layers

enc_in = keras.Input(shape=(6, 6, 2))
skip = layers.Conv2D(3, 3, padding='same', activation='relu')(enc_in)
deep = layers.Conv2D(4, 3, strides=2, padding='same', activation='tanh')(skip)
encoder = keras.Model(enc_in, [skip, deep], name='encoder')

inputs = keras.Input(shape=(6, 6, 2))
skip_out, deep_out = encoder(inputs)
up = layers.Conv2DTranspose(3, 3, strides=2, padding='same')(deep_out)
x = layers.Concatenate()([up, skip_out])
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(3, activation='softmax')(x)
model = keras.Model(inputs, outputs, name='nested_encoder_outputs')
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05, momentum=0.9), loss='sparse_categorical_crossentropy', metrics=['accuracy'])
