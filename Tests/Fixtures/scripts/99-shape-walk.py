from tensorflow import keras
from tensorflow.keras import layers


def conv_output_size(size, kernel, stride=1, padding="valid"):
    if padding == "same":
        return -(-size // stride)
    return (size - kernel) // stride + 1


spec = [(32, 5, 1, "valid"), (32, 3, 2, "same"), (64, 3, 1, "valid"), (64, 3, 2, "valid")]
model = keras.Sequential([keras.Input(shape=(64, 64, 3))])
size = 64
for filters, kernel, stride, padding in spec:
    model.add(layers.Conv2D(filters, kernel, strides=stride, padding=padding))
    size = conv_output_size(size, kernel, stride, padding)
    built = model.layers[-1].output.shape
    status = "ok" if built[1] == size else "MISMATCH"
    print(f"k={kernel} s={stride} {padding:<5} -> predicted {size:2d}, Keras {built[1]:2d} {status}")
print("final:", tuple(model.output.shape), "params:", model.count_params())
