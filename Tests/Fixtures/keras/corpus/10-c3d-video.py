# A C3D-like 3D CNN for 16-frame video clips at 112x112.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(16, 112, 112, 3)),
    layers.Conv3D(64, (3, 3, 3), padding='same', activation='relu', name='conv1'),
    layers.MaxPooling3D(pool_size=(1, 2, 2), strides=(1, 2, 2), name='pool1'),
    layers.Conv3D(128, (3, 3, 3), padding='same', activation='relu', name='conv2'),
    layers.MaxPooling3D(pool_size=(2, 2, 2), strides=(2, 2, 2), name='pool2'),
    layers.Conv3D(256, (3, 3, 3), padding='same', activation='relu', name='conv3a'),
    layers.Conv3D(256, (3, 3, 3), padding='same', activation='relu', name='conv3b'),
    layers.MaxPooling3D(pool_size=(2, 2, 2), strides=(2, 2, 2), name='pool3'),
    layers.Conv3D(512, (3, 3, 3), padding='same', activation='relu', name='conv4a'),
    layers.MaxPooling3D(pool_size=(2, 2, 2), strides=(2, 2, 2), name='pool4'),
    layers.Flatten(),
    layers.Dense(512, activation='relu', name='fc6'),
    layers.Dropout(0.5),
    layers.Dense(101, activation='softmax', name='fc8'),
], name='c3d')
model.summary()
print(model.get_layer('pool4').output_shape)
