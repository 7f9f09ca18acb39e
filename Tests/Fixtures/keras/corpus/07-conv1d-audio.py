# 1D CNN on raw audio: 1 second of 16 kHz mono.
import tensorflow as tf

SAMPLE_RATE = 16000
N_CLASSES = 12

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(SAMPLE_RATE, 1)),
    tf.keras.layers.Conv1D(16, 80, strides=4, activation='relu'),   # big first kernel
    tf.keras.layers.BatchNormalization(),
    tf.keras.layers.MaxPooling1D(4),
    tf.keras.layers.Conv1D(32, 3, activation='relu'),
    tf.keras.layers.BatchNormalization(),
    tf.keras.layers.MaxPooling1D(4),
    tf.keras.layers.Conv1D(64, 3, padding='same', activation='relu'),
    tf.keras.layers.BatchNormalization(),
    tf.keras.layers.MaxPooling1D(4),
    tf.keras.layers.Conv1D(64, 3, activation='relu'),
    tf.keras.layers.GlobalAveragePooling1D(),
    tf.keras.layers.Dense(N_CLASSES, activation='softmax'),
], name='audio_cnn')

model.summary()
print(model.output_shape)
print(model.count_params())
