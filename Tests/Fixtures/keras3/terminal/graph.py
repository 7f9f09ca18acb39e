import keras
from keras import layers

image = keras.Input(shape=(16, 16, 3), name="image")
x = layers.Conv2D(8, 3, padding="same", activation="relu")(image)
y = layers.Conv2D(8, 1)(image)
merged = layers.add([x, y])
pooled = layers.GlobalAveragePooling2D()(merged)
scaled = pooled * 0.5
outputs = layers.Dense(10, name="classifier_output_with_a_long_name")(scaled)
model = keras.Model(image, outputs, name="residual_graph")
model.summary()
