import KerasCells
import Testing

/// `collections.abc`'s classes in `isinstance` checks of built-in values, as CPython 3.11 answers
/// them (the expected text recorded with `~/keras-ref/bin/python`); what depends on a script
/// class's methods is refused as ConvBook's limitation.
@Suite struct CollectionsABCTests {
  @Test func builtinValuesAreInstancesAsCPythonRegistersThem() {
    let source = """
      from collections.abc import Sequence, Mapping, Iterable, Hashable, Callable, MutableSequence, Set, Sized
      import collections.abc
      import collections
      import numpy as np
      print(Sequence, collections.abc.Mapping)
      for v in ([1], (1,), "ab", range(3), {1: 2}, {1}, frozenset(), 3, 2.5, None, True, np.zeros(2), len, lambda: 0, collections.OrderedDict(), collections.deque([1])):
          print(type(v).__name__, isinstance(v, Sequence), isinstance(v, MutableSequence), isinstance(v, Mapping), isinstance(v, Iterable), isinstance(v, Hashable), isinstance(v, Callable), isinstance(v, Set), isinstance(v, Sized), isinstance(v, (int, Sequence)))
      """
    let result = KerasSession().run(source)
    #expect(result.error == nil)
    #expect(
      result.printed(footer: .modern) == """
        <class 'collections.abc.Sequence'> <class 'collections.abc.Mapping'>
        list True True False True False False False True True
        tuple True False False True True False False True True
        str True False False True True False False True True
        range True False False True True False False True True
        dict False False True True False False False True False
        set False False False True False False True True False
        frozenset False False False True True False True True False
        int False False False False True False False False True
        float False False False False True False False False False
        NoneType False False False False True False False False False
        bool False False False False True False False False True
        ndarray False False False True False False False True False
        builtin_function_or_method False False False False True True False False False
        function False False False False True True False False False
        OrderedDict False False True True False False False True False
        deque True True False True False False False True True

        """)
  }

  @Test(arguments: [
    "from collections.abc import Sized\nclass Box:\n    def __len__(self):\n        return 1\nprint(isinstance(Box(), Sized))",
    "from collections.abc import Sequence\nprint(issubclass(list, Sequence))",
  ])
  func whatDependsOnMethodsIsRefused(_ source: String) {
    let error = KerasSession().run(source).error
    #expect(error?.type == nil)
    #expect(error?.message.hasPrefix("ConvBook does not") == true)
  }
}
