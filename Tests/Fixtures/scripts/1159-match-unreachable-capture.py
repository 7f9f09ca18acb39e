# A capture pattern before other cases: CPython refuses the file at compile time ("name capture
# 'kind' makes remaining patterns unreachable"); ConvBook ran the first case.
import keras

print("start")
layer = keras.layers.Dense(3, activation="relu")
match layer.activation.__name__:
    case kind:
        print("activation", kind)
    case "relu":
        print("relu")
