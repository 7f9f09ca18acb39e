# A per-frame feature extractor (a Sequential model) wrapped in TimeDistributed, for clips of any
# length (the time axis is None).
from tensorflow import keras
from tensorflow.keras import layers

frame_encoder = keras.Sequential([
    layers.Conv2D(8, 3, activation='relu', input_shape=(32, 32, 1)),
    layers.MaxPooling2D(),
    layers.Conv2D(16, 3, activation='relu'),
    layers.Flatten(),
    layers.Dense(32, activation='relu'),
], name='frame_encoder')
frame_encoder.summary()

clips = keras.Input(shape=(None, 32, 32, 1), name='clips')
features = layers.TimeDistributed(frame_encoder)(clips)
features = layers.TimeDistributed(layers.Dropout(0.2))(features)
pooled = layers.GlobalMaxPooling1D()(features)
outputs = layers.Dense(3, activation='softmax')(pooled)
model = keras.Model(clips, outputs, name='clip_classifier')
model.summary()
# %%
td = layers.TimeDistributed(layers.Flatten())
print(td(keras.Input(shape=(5, 4, 4, 2))).shape)
