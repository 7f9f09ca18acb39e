# Shuffle file names with a seeded Python generator, split them, and size a small segmentation
# head for the images they stand for.
import random

import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

images = ["photos/img_%03d.jpg" % i for i in range(12)]
masks = ["labels/img_%03d.png" % i for i in range(12)]
random.Random(2024).shuffle(images)
random.Random(2024).shuffle(masks)
held_out = 3
print(images[:-held_out][:4], masks[-held_out:])

random.seed(11)
picked = random.sample(images, 3)
print(picked, random.choice(masks), random.randint(0, 9), round(random.uniform(0.5, 1.5), 6))
print([round(random.gauss(0.0, 0.02), 6) for _ in range(3)])
rng = random.Random(5)
crops = [rng.randrange(16, 64, 8) for _ in range(4)]
print(crops, rng.random())

model = keras.Sequential(
    [
        keras.Input(shape=(64, 64, 3)),
        layers.Conv2D(8, 3, padding="same", activation="relu"),
        layers.Conv2D(3, 1, activation="softmax"),
    ],
    name="tiny_segmenter",
)
model.summary()
