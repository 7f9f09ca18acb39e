# CPython 3.11 runs a list, set or dict comprehension in a frame of its own, so a recursion that
# passes through one uses two frames per level and meets the recursion limit at about half the
# depth of a plain one.
def through_list(n):
    return [through_list(n - 1) for _ in (1,)][0] if n else 0


def through_dict(n):
    return {0: through_dict(n - 1) for _ in (1,)}[0] if n else 0


def through_set(n):
    return len({through_set(n - 1) for _ in (1,)}) if n else 0


def plain(n):
    return plain(n - 1) if n else 0


def attempt(function, depth):
    try:
        return function(depth)
    except RecursionError as error:
        return f"{function.__name__}({depth}): {type(error).__name__}: {error}"


for function, depth in [
    (through_list, 498),
    (through_list, 499),
    (through_dict, 498),
    (through_dict, 499),
    (through_set, 498),
    (through_set, 499),
    (plain, 997),
    (plain, 998),
]:
    print(attempt(function, depth))
print(sum([plain(10) for _ in range(3)]))
