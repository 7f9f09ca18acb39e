# Older tutorials save the architecture as YAML; both Kerases refuse it in their own way.
import tensorflow as tf
from tensorflow import keras

net = keras.Sequential([keras.Input(shape=(5,)), keras.layers.Dense(2, activation="relu")])
architecture = net.to_json()
print(architecture.startswith("{"), keras.models.model_from_json(architecture).count_params())
try:
    rebuilt = keras.models.model_from_yaml("class_name: Sequential")
except (RuntimeError, AttributeError) as problem:
    print(type(problem).__name__, problem)
yaml_text = net.to_yaml()
print(yaml_text)
