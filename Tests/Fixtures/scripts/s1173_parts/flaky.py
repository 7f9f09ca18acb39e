print("flaky starts")
RATIO = 1 / 0
