# Slicing an axis of unknown size with bounds or a step (a CRNN's Lambda drops the first two time
# steps before its CTC loss, `y_pred[:, 2:, :]`): TensorFlow's strided_slice infers an unknown size
# for it, and the forward pass slices the concrete size the data brings, Python's rules included
# (negative bounds, reversed steps, an empty result).
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

frames = keras.Input(shape=(None, 3), name="frames")
outputs = [
    layers.Lambda(lambda t: t[:, 2:, :], name="skip_two")(frames),
    frames[:, ::-1],
    frames[:, 1:-1:2],
    frames[:, -2:],
    frames[:, 7:],
    frames[:, :, ::-2],
]
for tensor in outputs:
    print(tensor.shape)
model = keras.Model(frames, outputs)
model.summary()
data = np.arange(2 * 6 * 3, dtype="float32").reshape(2, 6, 3)
for result in model.predict(data, verbose=0):
    print(result.shape, result[1].tolist())
