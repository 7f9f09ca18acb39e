# A CNN whose last feature map attends to itself across both spatial axes (attention_axes),
# then pools into a classifier head.
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(32, 3, padding='same', activation='relu')(inputs)
x = layers.MaxPooling2D()(x)
x = layers.Conv2D(64, 3, padding='same', activation='relu')(x)
x = layers.BatchNormalization()(x)
x = layers.MaxPooling2D()(x)
attended = layers.MultiHeadAttention(num_heads=2, key_dim=16, attention_axes=(1, 2),
                                     name='spatial_attention')(x, x)
x = layers.Add()([x, attended])
x = layers.GlobalAveragePooling2D()(x)
x = layers.Dropout(0.3)(x)
outputs = layers.Dense(10, activation='softmax')(x)
model = keras.Model(inputs, outputs, name='cnn_spatial_attention')
model.summary()
print(model.get_layer('spatial_attention').output_shape)
# %%
row_attention = layers.MultiHeadAttention(num_heads=1, key_dim=8, attention_axes=2)
features = layers.Conv2D(8, 3)(inputs)
y = row_attention(features, features)
print(y.shape)
