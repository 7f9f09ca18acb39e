# A global mixed_float16 policy: layers made afterwards compute in float16 and keep float32
# weights, a layer given dtype="float32" keeps float32; the summary's sizes do not change.
from tensorflow import keras
from tensorflow.keras import layers

print(keras.mixed_precision.global_policy())
keras.mixed_precision.set_global_policy("mixed_float16")
policy = keras.mixed_precision.global_policy()
print(policy, policy.name, policy.compute_dtype, policy.variable_dtype)

inputs = keras.Input(shape=(6, 6, 2))
x = layers.Conv2D(4, 3, activation="relu")(inputs)
x = layers.BatchNormalization()(x)
x = layers.GlobalAveragePooling2D()(x)
hidden = layers.Dense(5)(x)
outputs = layers.Dense(3, activation="softmax", dtype="float32", name="probabilities")(hidden)
model = keras.Model(inputs, outputs, name="mixed_head")
model.summary()
print(x.dtype, hidden.dtype, outputs.dtype)
for layer in model.layers:
    print(layer.name, layer.dtype, layer.compute_dtype, layer.variable_dtype, layer.dtype_policy)
print(model.dtype_policy, model.compute_dtype)

own = keras.mixed_precision.Policy("mixed_bfloat16")
print(own, own.compute_dtype, own.variable_dtype)
keras.mixed_precision.set_global_policy(own)
print(keras.mixed_precision.global_policy() is own)
print(layers.Dense(2).compute_dtype)
keras.mixed_precision.set_global_policy("float32")
later = layers.Dense(2)
print(later.dtype_policy, later.compute_dtype)
try:
    keras.mixed_precision.set_global_policy("float17")
except ValueError as error:
    print("ValueError:", error)
