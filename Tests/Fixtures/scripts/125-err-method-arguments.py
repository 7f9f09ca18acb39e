"""A method called with the wrong arguments: CPython names it by its class."""


class Trainer:
    def __init__(self, epochs, batch_size=32):
        self.epochs = epochs
        self.batch_size = batch_size

    def steps(self, samples):
        return self.epochs * (samples // self.batch_size)

    def plan(self):
        return self.steps()


trainer = Trainer(5)
print(trainer.steps(6400), Trainer.steps(trainer, 640))
try:
    Trainer()
except TypeError as error:
    print(error)
try:
    trainer.steps(1, 2)
except TypeError as error:
    print(error)
trainer.plan()
