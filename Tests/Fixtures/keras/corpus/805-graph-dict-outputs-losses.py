# Multi-input, multi-output with dicts everywhere: inputs as a dict, outputs as a dict, and
# compile() given loss, loss_weights and metrics dicts keyed by the output names.
from tensorflow import keras
from tensorflow.keras import layers

inputs = {
    "photo": keras.Input(shape=(64, 64, 3), name="photo"),
    "age": keras.Input(shape=(1,), name="age"),
    "region": keras.Input(shape=(6,), name="region"),
}
v = layers.Conv2D(16, 3, strides=2, activation="relu", name="v1")(inputs["photo"])
v = layers.Conv2D(32, 3, strides=2, activation="relu", name="v2")(v)
v = layers.GlobalMaxPooling2D(name="v_pool")(v)
t = layers.concatenate([inputs["age"], inputs["region"]], name="tabular")
t = layers.Dense(16, activation="relu", name="t1")(t)
joint = layers.concatenate([v, t], name="joint")
joint = layers.Dropout(0.3, name="drop")(joint)
outputs = {
    "species": layers.Dense(12, activation="softmax", name="species")(joint),
    "weight": layers.Dense(1, name="weight")(joint),
    "healthy": layers.Dense(1, activation="sigmoid", name="healthy")(joint),
}
model = keras.Model(inputs=inputs, outputs=outputs, name="vet")
model.compile(
    optimizer="adam",
    loss={"species": "sparse_categorical_crossentropy", "weight": "mse", "healthy": "binary_crossentropy"},
    loss_weights={"species": 1.0, "weight": 0.2, "healthy": 0.5},
    metrics={"species": "accuracy", "healthy": ["accuracy"]},
)
model.summary()
print(model.output_names)
print(model.input_names)
print(model.count_params())
