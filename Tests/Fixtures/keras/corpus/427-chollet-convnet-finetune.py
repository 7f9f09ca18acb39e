# Deep Learning with Python: a VGG16 convolutional base inside a Sequential classifier, then fine-tuning.
from tensorflow.keras import layers, models
from tensorflow.keras.applications import VGG16

conv_base = VGG16(weights=None, include_top=False, input_shape=(150, 150, 3))

model = models.Sequential()
model.add(conv_base)
model.add(layers.Flatten())
model.add(layers.Dense(256, activation='relu'))
model.add(layers.Dense(1, activation='sigmoid'))
print('trainable weights before freezing:', len(model.trainable_weights))
conv_base.trainable = False
print('trainable weights after freezing:', len(model.trainable_weights))
model.summary()

# %%
conv_base.trainable = True
set_trainable = False
for layer in conv_base.layers:
    if layer.name == 'block5_conv1':
        set_trainable = True
    if set_trainable:
        layer.trainable = True
    else:
        layer.trainable = False
print(len(model.trainable_weights))
model.summary()
