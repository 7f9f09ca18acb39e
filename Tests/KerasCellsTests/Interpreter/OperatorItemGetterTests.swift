import Testing

@testable import KerasCells

/// `operator.itemgetter`, the sort key scripts use on (name, score) pairs, with CPython's text.
struct OperatorItemGetterTests {
  @Test func getsItemsAsPythonDoes() {
    let (printed, error) = CellRunner().run(
      """
      import operator
      from operator import itemgetter
      scores = {"vgg": 0.91, "resnet": 0.95, "mobilenet": 0.88}
      print(sorted(scores.items(), key=operator.itemgetter(1), reverse=True))
      rows = [("a", 3, 1.5), ("b", 1, 2.5)]
      print(max(rows, key=itemgetter(1)), list(map(itemgetter(0, 2), rows)), itemgetter("k")({"k": 4}))
      print(itemgetter(1, "x"))
      try:
          itemgetter(5)(rows)
      except IndexError as e:
          print("IndexError:", e)
      """)
    #expect(error == nil)
    #expect(
      printed == """
        [('resnet', 0.95), ('vgg', 0.91), ('mobilenet', 0.88)]
        ('a', 3, 1.5) [('a', 1.5), ('b', 2.5)] 4
        operator.itemgetter(1, 'x')
        IndexError: list index out of range

        """)
    // `attrgetter` runs too (script 1320); `methodcaller` is still ConvBook's limitation.
    let other = CellRunner().run("import operator\noperator.methodcaller('upper')").error
    #expect(other != nil && other?.type == nil)
  }
}
