# One Dense layer used inside a nested encoder and again directly in the outer graph: both rows
# show its weights, but the model holds them once, and so do the totals and count_params().
from tensorflow import keras
from tensorflow.keras import layers

project = layers.Dense(6, name="project")
tokens = keras.Input(shape=(4,))
encoder = keras.Model(tokens, layers.Dense(3, name="encode")(project(tokens)), name="encoder")

features = keras.Input(shape=(4,))
both = layers.Concatenate()([encoder(features), project(features)])
scorer = keras.Model(features, layers.Dense(1, name="score")(both), name="scorer")
scorer.summary()
print(scorer.count_params(), len(scorer.weights), len(scorer.trainable_weights))
