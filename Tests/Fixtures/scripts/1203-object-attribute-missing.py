"""`object` has only its dunders: any other name is CPython's AttributeError naming the type
object, as a script class's missing name is."""


class Settings:
    pass


try:
    Settings.learning_rate
except AttributeError as error:
    print(error)
print(object.__name__, Settings.__name__)
object.learning_rate
