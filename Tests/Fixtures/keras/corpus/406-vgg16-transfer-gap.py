# Transfer learning head on a frozen VGG16 base without its top.
import tensorflow as tf
from tensorflow.keras.applications import VGG16
from tensorflow.keras.layers import Dense, Dropout, GlobalAveragePooling2D
from tensorflow.keras.models import Model

base_model = VGG16(weights=None, include_top=False, input_shape=(96, 96, 3))
base_model.trainable = False

x = base_model.output
x = GlobalAveragePooling2D()(x)
x = Dense(256, activation="relu")(x)
x = Dropout(0.5)(x)
predictions = Dense(5, activation="softmax")(x)
model = Model(inputs=base_model.input, outputs=predictions)
model.summary()

# %%
for layer in base_model.layers[-4:]:
    layer.trainable = True
print(sum(1 for layer in model.layers if layer.trainable))
model.summary()
