# Freezing the first layers of a small CNN for fine-tuning: the trainable and non-trainable
# totals, the Trainable column, and BatchNormalization's moving statistics.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input((28, 28, 1)),
    layers.Conv2D(8, 3, name="frozen_conv"),
    layers.BatchNormalization(name="frozen_bn"),
    layers.Conv2D(16, 3, name="tuned_conv"),
    layers.Flatten(),
    layers.Dense(10, name="head"),
])
model.get_layer("frozen_conv").trainable = False
model.get_layer("frozen_bn").trainable = False
model.summary(show_trainable=True)
print(len(model.trainable_weights), len(model.non_trainable_weights))
