from tensorflow.keras import layers


def backbone(x, widths):
    for index, width in enumerate(widths):
        x = layers.Conv2D(width, 3, padding="same", name=f"conv_{index}")(x)
        x = layers.BatchNormalization(name=f"bn_{index}")(x)
        x = layers.ReLU(name=f"relu_{index}")(x)
        x = layers.MaxPooling2D(name=f"pool_{index}")(x)
    return x
