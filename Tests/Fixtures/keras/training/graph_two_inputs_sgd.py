# Training fixture graph_two_inputs_sgd: two inputs through one shared Dense layer (gradients summed), Subtract, Multiply, Dot, sgd.
from tensorflow import keras
from tensorflow.keras import layers

left = keras.Input(shape=(6,), name='left')
right = keras.Input(shape=(6,), name='right')
shared = layers.Dense(5, activation='tanh', name='shared')
a = shared(left)
b = shared(right)
difference = layers.Subtract()([a, b])
product = layers.Multiply()([a, b])
similarity = layers.Dot(axes=1, normalize=True)([a, b])
inner = layers.Dot(axes=1)([a, b])
x = layers.Concatenate()([difference, product, similarity, inner])
outputs = layers.Dense(1, activation='sigmoid')(x)
model = keras.Model([left, right], outputs, name='siamese')
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05, momentum=0.9), loss='binary_crossentropy', metrics=['accuracy'])
