# A frozen MobileNetV2 base in a functional classifier, with its last blocks unfrozen for
# fine-tuning: trainable counts and the summary's Trainable column.
from tensorflow import keras
from tensorflow.keras import layers

base = keras.applications.MobileNetV2(input_shape=(64, 64, 3), include_top=False, weights=None, alpha=0.35)
base.trainable = False
images = keras.Input(shape=(64, 64, 3))
x = layers.Rescaling(1.0 / 127.5, offset=-1)(images)
x = base(x, training=False)
x = layers.GlobalAveragePooling2D()(x)
x = layers.Dropout(0.2)(x)
logits = layers.Dense(5)(x)
model = keras.Model(images, logits, name="mobile_transfer")
model.summary(show_trainable=True)
for layer in base.layers[-6:]:
    layer.trainable = True
print(sum(1 for layer in base.layers if layer.trainable), len(model.trainable_weights))
model.summary(show_trainable=True)
print(base.layers[-1].name, base.layers[-6].name)
