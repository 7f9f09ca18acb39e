# Layers as serialized dicts and back: keras.layers.serialize/deserialize, the utils' object
# serializer, the wrappers' nested layers, an input layer's config and a JSON round trip of a
# sequence model.
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(20, 6), name="frames")
x = layers.Bidirectional(layers.LSTM(5, return_sequences=True), merge_mode="ave")(inputs)
x = layers.TimeDistributed(layers.Dense(4, activation="tanh"))(x)
x = layers.GRU(3)(x)
outputs = layers.Dense(2, activation="softmax", name="head")(x)
model = keras.Model(inputs, outputs, name="tagger")

print(model.layers[0].get_config())
for layer in model.layers[1:]:
    entry = keras.layers.serialize(layer)
    print(entry["class_name"], sorted(entry), entry.get("build_config"))
    inner = entry["config"].get("layer")
    if inner:
        print("  wraps", inner["class_name"], inner["config"]["name"], inner.get("build_config"))

dense = keras.layers.serialize(model.get_layer("head"))
copy = keras.layers.deserialize(dense)
print(type(copy).__name__, copy.name, copy.units, copy.get_config()["activation"])
wrapper = keras.layers.deserialize(keras.layers.serialize(model.layers[1]))
print(type(wrapper).__name__, wrapper.get_config()["merge_mode"])

print(keras.utils.serialize_keras_object(keras.initializers.TruncatedNormal(stddev=0.02)))
print(keras.utils.serialize_keras_object(keras.regularizers.l2(0.001))["class_name"])

rebuilt = keras.models.model_from_json(model.to_json())
print(rebuilt.name, [layer.name for layer in rebuilt.layers])
print([w.shape for w in rebuilt.get_weights()])
print(rebuilt.count_params() == model.count_params())
