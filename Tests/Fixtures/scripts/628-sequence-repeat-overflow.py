# Repeating a sequence converts the count to an index-sized integer first: a count that fits
# (however negative) gives an empty sequence, one that does not is CPython's OverflowError.
from tensorflow import keras

sizes = [keras.layers.Dense(4).units] * 2
print(sizes, sizes * -(2**63), "ab" * -(2**63))
print(sizes * -(10**30))
