/// An object of one of the standard-library modules the cell language implements
/// (`StandardLibrary`): a namedtuple class or instance, an argparse parser or namespace, a logger,
/// an itertools iterator, ... Each kind is a subclass that answers its own attributes, methods,
/// calls and text; the interpreter asks through these methods and knows no kind by name.
public class StandardObject {
  /// Python's `type(x).__name__`.
  var typeName: String { "object" }

  /// `repr(x)`; `item` is the repr of the values inside.
  func repr(_ item: (Value) -> String) -> String { "<\(typeName) object>" }

  /// `str(x)`, when it differs from `repr(x)`.
  func str(_ item: (Value) -> String) -> String { repr(item) }

  /// `x.name`, or nil when the object has no such attribute. A method is returned as
  /// `.method(receiver:name:)` and runs through `method`.
  func attribute(_ name: String, interpreter: Interpreter, range: SourceRange) throws(CellError)
    -> Value?
  { nil }

  /// `x.name(...)`, or nil when the object has no such method.
  func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? { nil }

  /// `x(...)`, or nil when the object is not callable.
  func call(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value? { nil }

  /// `self op other` (`other op self` when `reflected`), or nil when the object has no such
  /// operator (Python's TypeError then).
  func binary(_ operation: BinaryOperator, _ other: Value, reflected: Bool, range: SourceRange)
    throws(CellError) -> Value?
  { nil }

  /// `x.name = value`: false when the object refuses it (an AttributeError in the object's words
  /// is thrown by the object itself).
  func setAttribute(_ name: String, to value: Value, range: SourceRange) throws(CellError) -> Bool {
    false
  }

  /// `x[index]`, or nil when the object is not subscriptable.
  func item(at index: Value, interpreter: Interpreter, range: SourceRange) throws(CellError)
    -> Value?
  { nil }

  /// `value in object`, or nil when the object does not answer `in` (Python's TypeError then).
  func containsItem(_ value: Value, range: SourceRange) throws(CellError) -> Bool? { nil }

  /// The items of an object that is a tuple (a namedtuple instance): indexing, unpacking, `len`,
  /// `==` and iteration treat it as that tuple.
  var tupleItems: [Value]? { nil }

  /// Whether the object is an iterator (`next` gives its items one at a time, once).
  var isIterator: Bool { false }

  /// A new iterator over the items of an object that is iterable without being an iterator
  /// (`iter(dataset)`), or nil.
  func makeIterator(interpreter: Interpreter, range: SourceRange) throws(CellError)
    -> StandardObject?
  { nil }

  /// The iterator's next item, or nil when it is exhausted.
  func next(interpreter: Interpreter, range: SourceRange) throws(CellError) -> Value? { nil }

  /// What `==`, `<`, ... compare between two objects of the same type (a version's `_cmpkey`),
  /// or nil when such objects are only equal to themselves and have no order.
  var comparisonKey: Value? { nil }

  /// The comparison key of another kind of value that the object compares with as if it were
  /// one of its own (distutils' `LooseVersion` reads a str as a version), or nil.
  func comparisonKey(coercing other: Value) -> Value? { nil }

  /// Whether the keys are ordered with `<` whatever the operator (a TypeError between their items
  /// names `<`, as distutils' `_cmp` does).
  var comparesWithLess: Bool { false }

  /// Whether the object is a class (`type(x)` of its instances; `<class '...'>`).
  var isClass: Bool { false }

  /// What `callable(x)` says: classes and functions are.
  var isCallable: Bool { isClass }
}
