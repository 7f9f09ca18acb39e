# Grad-CAM's model: the last convolution's feature maps and the predictions, from one input.
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(48, 48, 3))
x = layers.Conv2D(16, 3, activation="relu")(inputs)
x = layers.MaxPooling2D()(x)
x = layers.Conv2D(32, 3, activation="relu")(x)
x = layers.Conv2D(64, 3, activation="relu", name="last_conv")(x)
x = layers.GlobalAveragePooling2D()(x)
x = layers.Dropout(0.3)(x)
outputs = layers.Dense(3, activation="softmax", name="predictions")(x)
model = keras.Model(inputs, outputs)

last_conv_layer_name = "last_conv"
grad_model = keras.models.Model(
    model.inputs, [model.get_layer(last_conv_layer_name).output, model.output]
)
grad_model.summary()
conv_out, preds = grad_model.outputs
print(conv_out.shape, preds.shape)
print(grad_model.layers[-1].name, len(grad_model.layers) == len(model.layers))
