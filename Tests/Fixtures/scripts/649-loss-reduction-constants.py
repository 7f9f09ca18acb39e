# keras.losses.Reduction's constants given to a script's own Loss subclass.
import tensorflow as tf


class WeightedAbsolute(tf.keras.losses.Loss):
    def __init__(self, weight=1.0, reduction=tf.keras.losses.Reduction.SUM, name="weighted_absolute"):
        super().__init__(reduction=reduction, name=name)
        self.weight = weight

    def call(self, y_true, y_pred):
        return self.weight * tf.abs(y_true - y_pred)


print(tf.keras.losses.Reduction.SUM, tf.keras.losses.Reduction.NONE)
print(tf.keras.losses.Reduction.SUM_OVER_BATCH_SIZE)
print(tf.keras.losses.Reduction.all())
loss = WeightedAbsolute(0.5)
print(loss.reduction, loss.name, loss.weight)
print(loss.get_config())
summed = WeightedAbsolute(reduction=tf.keras.losses.Reduction.NONE)
print(summed.reduction)
