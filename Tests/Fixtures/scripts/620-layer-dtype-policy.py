# The dtype policy of each layer of a model, as training scripts print it before mixed-precision
# decisions: every layer (the input layer and a nested model too) computes in float32.
from tensorflow import keras
from tensorflow.keras import layers

backbone_in = keras.Input((8, 4))
h = layers.Dense(6, activation="relu")(backbone_in)
h = layers.LayerNormalization()(h)
backbone = keras.Model(backbone_in, h, name="backbone")

inputs = keras.Input((8, 4))
x = backbone(inputs)
x = layers.GlobalAveragePooling1D()(x)
logits = layers.Dense(3, dtype="float32")(x)
model = keras.Model(inputs, logits)

for i, layer in enumerate(model.layers):
    print(f"[{i}] {layer.name} - {layer.dtype_policy}")
policy = model.layers[-1].dtype_policy
print(repr(policy), policy.name, policy.compute_dtype, policy.variable_dtype)
print(model.dtype, model.layers[2].compute_dtype, model.layers[2].variable_dtype)
print(type(policy).__name__)
