DEFAULT_CLASSES = 10
HEAD_NAME = "probabilities"
