"""A hand-written training loop of the kind GAN and reinforcement-learning code uses:
train_on_batch over slices of the data (with sample and class weights), test_on_batch and
predict_on_batch, the float a loss-only model returns, and return_dict=True."""
import numpy as np
from tensorflow import keras

features = np.cos(np.arange(48, dtype="float32").reshape(16, 3) * 0.9)
targets = (features[:, 0] * features[:, 2] > 0).astype("float32").reshape(-1, 1)

classifier = keras.Sequential([
    keras.Input(shape=(3,)),
    keras.layers.Dense(4, activation="tanh", kernel_initializer=keras.initializers.Constant(0.25)),
    keras.layers.Dense(1, activation="sigmoid", kernel_initializer=keras.initializers.Constant(-0.5)),
])
classifier.compile(optimizer=keras.optimizers.Adam(0.05), loss="binary_crossentropy",
                   metrics=["accuracy"])
for step in range(4):
    start = (step * 4) % 16
    loss, accuracy = classifier.train_on_batch(features[start:start + 4], targets[start:start + 4])
    print(f"step {step}: loss {loss:.4f} accuracy {accuracy:.2f}")

weighted = classifier.train_on_batch(features, targets, sample_weight=np.linspace(0.5, 1.5, 16))
print("weighted", [round(v, 4) for v in weighted])
balanced = classifier.train_on_batch(features, targets, class_weight={0: 1.0, 1: 2.5})
print("balanced", [round(v, 4) for v in balanced])
scores = classifier.test_on_batch(features, targets, return_dict=True)
print(sorted(scores), round(scores["loss"], 4))
print(np.round(classifier.predict_on_batch(features[:3]), 3))

regressor = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2, kernel_initializer="ones")])
regressor.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse")
history = []
for epoch in range(3):
    history.append(regressor.train_on_batch(features, np.stack([targets[:, 0], -targets[:, 0]], axis=1)))
print(type(history[0]).__name__, [round(v, 4) for v in history])
print(round(regressor.test_on_batch(features, np.zeros((16, 2), "float32")), 4))
