# A subclassed model that makes its parts in __init__: the parts built there (a Sequential or a
# functional model that starts with an Input) show their shapes and parameters in the summary
# before the model is ever called; the others are listed unbuilt.
from tensorflow import keras
from tensorflow.keras import layers


class Critic(keras.Model):
    def __init__(self, width=10, **kwargs):
        super().__init__(**kwargs)
        scores = keras.Input((width,))
        self.encoder = keras.Model(scores, layers.Dense(6)(scores), name="encoder")
        self.judge = keras.Sequential(
            [keras.Input((6,)), layers.Dense(4, activation="relu"), layers.Dense(1)], name="judge"
        )
        self.spare = keras.Sequential([layers.Dense(3)], name="spare")
        self.gate = layers.Dense(2)

    def call(self, inputs):
        return self.judge(self.encoder(inputs))


critic = Critic(name="critic")
critic.summary()
print(len(critic.weights))
