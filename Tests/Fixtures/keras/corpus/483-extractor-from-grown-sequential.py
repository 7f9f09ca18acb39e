# A Sequential model grown with add(), then every layer's output as a model of its own.
import keras
from keras import layers

model = keras.Sequential(name="grown")
model.add(keras.Input(shape=(24, 24, 1)))
model.add(layers.Conv2D(4, 3, name="conv1"))
model.add(layers.MaxPooling2D(name="pool1"))
model.add(layers.Conv2D(8, 3, name="conv2"))
model.add(layers.Flatten(name="flat"))
model.add(layers.Dense(3, name="logits"))
taps = keras.Model(inputs=model.inputs, outputs=[layer.output for layer in model.layers])
taps.summary()
print(model.layers[1].input is model.layers[0].output)

# %%
last_two = keras.Model(model.inputs, model.layers[-1].output)
last_two.summary()
