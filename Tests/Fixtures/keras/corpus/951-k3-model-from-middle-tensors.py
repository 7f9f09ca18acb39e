# Taking the back half of a small CNN as a model of its own, starting at a feature map in the
# middle; the layers get a second call, and the new model's input is named after the tensor.
from tensorflow import keras
from tensorflow.keras import layers

image = keras.Input(shape=(16, 16, 3), name="image")
feat = layers.Conv2D(8, 3, activation="relu", name="stem")(image)
pooled = layers.MaxPooling2D(name="pool")(feat)
flat = layers.Flatten(name="flat")(pooled)
logits = layers.Dense(5, name="logits")(flat)
cnn = keras.Model(image, logits, name="cnn")

back = keras.Model(feat, logits, name="back_half")
back.summary()
print([layer.name for layer in back.layers])
print(back.input_shape, back.output_shape, back.count_params())

# %%
middle = keras.Model(inputs=[pooled], outputs=[logits])
middle.summary()
print(len(middle.layers), middle.layers[0].__class__.__name__)
cnn.summary()
