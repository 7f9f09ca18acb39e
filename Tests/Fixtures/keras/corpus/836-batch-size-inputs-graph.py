# Inputs with a fixed batch size in a graph, merges of fixed and open batch sizes, and a
# Dense on a 4-D map inside the graph.
from tensorflow import keras
from tensorflow.keras import layers

fixed = keras.Input(shape=(8, 8, 3), batch_size=4, name="fixed")
free = keras.Input(shape=(8, 8, 3), name="free")
mixed = layers.add([fixed, free])
per_pixel = layers.Dense(5, name="per_pixel")(mixed)
pooled = layers.GlobalAveragePooling2D()(per_pixel)
model = keras.Model([fixed, free], pooled)
model.summary()
print(model.output_shape, model.get_layer("per_pixel").count_params())
