# Modules of a package that import each other, and one whose code fails when imported: Python
# forgets the failed one, so the next import runs its code again.
import s1173_parts.cycle_a as cycle_a

print(cycle_a.total(), cycle_a.cycle_b.__name__)
for attempt in range(2):
    try:
        from s1173_parts import flaky
    except ZeroDivisionError as error:
        print(attempt, error)

print(cycle_a.cycle_b.missing_value)
