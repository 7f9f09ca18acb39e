/// What `id(x)` returns. CPython's value is the object's memory address, different on every run,
/// so ConvBook keeps the object instead: two ids are equal exactly when their objects are the same
/// (`id(a) == id(b)`, ids as dict keys to drop repeated weights), and printing one, or computing
/// with it, is refused. Values whose identity CPython leaves to its caches (ints, strs, tuples) are
/// refused as arguments.
final class PythonObjectID: StandardObject {
  let object: Value

  static let printingRefusal =
    "printing an id() would show CPython's memory address of the object, which changes on every run; compare ids with == instead"

  init(of object: Value, range: SourceRange) throws(CellError) {
    switch object {
    case .none, .bool, .int, .bigInt, .float, .string, .tuple, .range, .slice, .ellipsis,
      .tensorShape, .method:
      // A bound method is made anew at each `obj.method`, an int or str may or may not be
      // cached: what `id` says of them is CPython's implementation, not the program's.
      throw .unsupported(
        "ConvBook does not support id() of \(object.typeName) values: CPython's answer depends on its caches",
        at: range)
    default: self.object = object
    }
  }

  override var typeName: String { "int" }
  override func repr(_ item: (Value) -> String) -> String { "<id>" }

  override func binary(
    _ operation: BinaryOperator, _ other: Value, reflected: Bool, range: SourceRange
  ) throws(CellError) -> Value? {
    throw .unsupported(
      "ConvBook does not compute with id() values (CPython's memory addresses); compare them with == instead",
      at: range)
  }
}
