import tensorflow as tf

def vgg_block(model, num_convs, filters):
    for _ in range(num_convs):
        model.add(tf.keras.layers.Conv2D(filters, kernel_size=3, padding="same", activation="relu"))
    model.add(tf.keras.layers.MaxPool2D(pool_size=2, strides=2))

conv_arch = ((1, 16), (1, 32), (2, 64), (2, 128), (2, 128))
net = tf.keras.models.Sequential()
net.add(tf.keras.Input(shape=(224, 224, 1)))
for (num_convs, filters) in conv_arch:
    vgg_block(net, num_convs, filters)
net.add(tf.keras.layers.Flatten())
net.add(tf.keras.layers.Dense(4096, activation="relu"))
net.add(tf.keras.layers.Dropout(0.5))
net.add(tf.keras.layers.Dense(10))
net.summary()
for layer in net.layers[:3]:
    print(layer.name, layer.output_shape)
