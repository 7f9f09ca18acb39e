# Variable-length sequences and images: None in the spatial axes.
from tensorflow import keras
from tensorflow.keras import layers

ts = keras.Sequential([
    keras.Input(shape=(None, 1)),
    layers.Conv1D(64, kernel_size=3, padding='same', activation='relu'),
    layers.Conv1D(64, kernel_size=3, strides=2, activation='relu'),
    layers.MaxPooling1D(2),
    layers.GlobalMaxPooling1D(),
    layers.Dense(1),
], name='variable_length')
ts.summary()

fcn = keras.Sequential([
    keras.Input(shape=(None, None, 3)),
    layers.Conv2D(16, 3, strides=2, padding='same', activation='relu'),
    layers.Conv2D(32, 3, activation='relu'),
    layers.UpSampling2D(),
    layers.ZeroPadding2D(1),
    layers.Cropping2D(1),
    layers.GlobalAveragePooling2D(),
    layers.Dense(10),
])
fcn.summary()
print(fcn.input_shape, fcn.layers[1].output_shape)
