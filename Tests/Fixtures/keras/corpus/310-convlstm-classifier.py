# Action recognition from short clips: ConvLSTM2D with strides and dilation over 8 frames of
# 64x64 RGB, a ConvLSTM1D over sensor rows, then pooling and a softmax.
from tensorflow import keras
from tensorflow.keras import layers

clip = keras.Input(shape=(8, 64, 64, 3), name="clip")
x = layers.ConvLSTM2D(8, (3, 3), strides=(2, 2), padding="valid", return_sequences=True)(clip)
x = layers.MaxPooling3D(pool_size=(1, 2, 2))(x)
x = layers.ConvLSTM2D(16, 3, dilation_rate=2, go_backwards=True)(x)
x = layers.GlobalAveragePooling2D()(x)
video_out = layers.Dense(5, activation="softmax")(x)
video_model = keras.Model(clip, video_out, name="action_clf")
video_model.summary()

rows = keras.Input(shape=(12, 32, 6))
y = layers.ConvLSTM1D(10, 5, padding="same", return_sequences=True)(rows)
y = layers.ConvLSTM1D(4, 3, strides=2)(y)
sensor_model = keras.Model(rows, layers.Flatten()(y))
sensor_model.summary()
print(sensor_model.count_params())
