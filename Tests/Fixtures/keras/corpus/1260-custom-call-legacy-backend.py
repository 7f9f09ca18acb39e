# A custom layer written for tf-keras' backend module (keras-contrib's normalization style):
# K.int_shape, K.mean, K.std and K.reshape inside call(). tf-keras builds it; Keras 3 runs call()
# to infer the output and its keras.backend has no int_shape, so the layer's first call fails
# with Keras 3's wrapped error naming the tensor it was called on.
from keras.layers import Layer, InputSpec, Input, Conv2D, Flatten, Dense
from keras import backend as K
from keras.models import Model


class FeatureNorm(Layer):
    def __init__(self, axis=-1, epsilon=1e-3, **kwargs):
        super(FeatureNorm, self).__init__(**kwargs)
        self.axis = axis
        self.epsilon = epsilon

    def build(self, input_shape):
        self.input_spec = InputSpec(ndim=len(input_shape))
        self.gamma = self.add_weight(shape=(input_shape[self.axis],), name="gamma", initializer="ones")
        self.built = True

    def call(self, inputs, training=None):
        shape = K.int_shape(inputs)
        axes = list(range(1, len(shape) - 1))
        mean = K.mean(inputs, axes, keepdims=True)
        spread = K.std(inputs, axes, keepdims=True) + self.epsilon
        scale = K.reshape(self.gamma, [1] * (len(shape) - 1) + [shape[-1]])
        return (inputs - mean) / spread * scale


pictures = Input(shape=(12, 12, 3))
features = Conv2D(4, 3, name="conv")(pictures)
print("normalizing", features.shape)
normed = FeatureNorm(name="feature_norm")(features)
head = Dense(2, name="head")(Flatten()(normed))
model = Model(pictures, head, name="normed")
model.summary()
print(model.get_layer("feature_norm").input_spec)
