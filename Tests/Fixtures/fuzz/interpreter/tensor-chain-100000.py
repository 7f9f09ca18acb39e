from tensorflow import keras
t = keras.Input(shape=(4,))
for i in range(100000):
    t = t + 1
print("built")
