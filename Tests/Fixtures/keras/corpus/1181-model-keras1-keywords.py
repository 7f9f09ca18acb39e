# keras.Model called with Keras 1's keywords (`input=`, `output=`) and with extra keywords, as
# old U-Net code does: tf-keras refuses the first unknown keyword; Keras 3 makes a functional
# model only from inputs and outputs (ignoring other keywords) and refuses the rest.
from tensorflow import keras
from tensorflow.keras import layers

image = keras.Input(shape=(8, 8, 1))
mask = layers.Conv2D(1, 1, activation="sigmoid")(image)

# %%
keras.Model(input=image, output=mask)

# %%
keras.Model(inputs=image, output=mask)

# %%
net = keras.Model(inputs=image, outputs=mask, verbose=True)
print(net.name, net.output_shape)

# %%
keras.Model(input=image)

# %%
keras.Model(image, outputs=mask, name="half_keywords").summary()
