# A recursive helper written as one conditional expression, the way a depth counter or a
# block-stacking helper is often written: every call sits inside several expressions, and Python
# still allows 999 nested calls from the top level before its RecursionError.
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


def blocks(n, width):
    return [] if n == 0 else [width * n] + blocks(n - 1, width)


print(depth(990))
print(len(blocks(900, 3)), sum(blocks(900, 3)))
for n in (998, 999, 1200):
    try:
        print(n, depth(n))
    except RecursionError as error:
        print(n, type(error).__name__, error)
