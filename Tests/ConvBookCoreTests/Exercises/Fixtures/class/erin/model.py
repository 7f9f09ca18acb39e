from tensorflow import keras
total = 0
for i in range(1000000):
    for j in range(1000000):
        total = total + j
