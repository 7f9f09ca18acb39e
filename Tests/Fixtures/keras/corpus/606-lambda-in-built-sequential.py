# Time-series models written without an input shape, built later for windows of 24 steps of 19
# features: a Lambda that keeps the last three steps runs when the model is built.
import tensorflow as tf

CONV_WIDTH = 3
OUT_STEPS = 24
num_features = 19

multi_conv_model = tf.keras.Sequential([
    tf.keras.layers.Lambda(lambda x: x[:, -CONV_WIDTH:, :]),
    tf.keras.layers.Conv1D(64, activation="relu", kernel_size=(CONV_WIDTH)),
    tf.keras.layers.Dense(OUT_STEPS * num_features,
                          kernel_initializer=tf.initializers.zeros()),
    tf.keras.layers.Reshape([OUT_STEPS, num_features]),
])
multi_conv_model.build((None, 24, num_features))
multi_conv_model.summary()

# %%
last_step = tf.keras.Sequential([
    tf.keras.layers.Lambda(lambda x: x[:, -1:, :]),
    tf.keras.layers.Dense(OUT_STEPS * num_features),
])
last_step.build(input_shape=(None, 48, num_features))
print(last_step.output_shape)
