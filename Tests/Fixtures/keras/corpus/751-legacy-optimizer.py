# Older tutorials build their optimizer from tf.keras.optimizers.legacy, which still takes the
# `lr=` and `decay=` arguments that the current optimizers refuse.
import tensorflow as tf

model = tf.keras.Sequential([
    tf.keras.layers.Dense(32, activation="relu", input_shape=(8,)),
    tf.keras.layers.Dense(3, activation="softmax"),
])
optimizer = tf.keras.optimizers.legacy.SGD(lr=0.01, decay=1e-6, momentum=0.9)
model.compile(optimizer=optimizer, loss="categorical_crossentropy", metrics=["accuracy"])
model.summary()

# %%
adam = tf.keras.optimizers.legacy.Adam(learning_rate=1e-4)
model.compile(optimizer=adam, loss="categorical_crossentropy")
print("compiled")
