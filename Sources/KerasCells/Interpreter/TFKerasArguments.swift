import CNNEngine

/// Constructor arguments tf-keras passes through Python's `int()` before checking them:
/// `Dense.__init__` does `units = int(units) if not isinstance(units, int) else units`, so
/// `Dense("10")` has 10 units, `Dense(12.5)` 12, and `Dense("ten")` fails with `int()`'s
/// ValueError (after `Layer.__init__` took the layer's name). A bool is an int to Python and stays
/// as given (the engine's `Dense` refuses it when built, as TensorFlow does). Keras 3 refuses all
/// of these (`Keras3Wording.constructorRefusal`).
enum TFKerasArguments {
  /// The arguments `int()` converts, per class: the argument's name and position.
  static let converted: [String: (name: String, position: Int)] = ["Dense": ("units", 0)]

  static func convertIntegers(
    className: String, positional: inout [Value], keywords: inout [(String, Value)],
    site: CallSite, interpreter: Interpreter
  ) throws(CellError) {
    guard let argument = converted[className] else { return }
    func convert(_ value: Value) throws(CellError) -> Value {
      switch value {
      case .int, .bigInt, .bool: return value
      default:
        do {
          return try Builtins.call(
            "int", positional: [value], keywords: [], site: site, interpreter: interpreter)
        } catch {
          if !keywords.contains(where: { $0.0 == "name" }) {
            _ = interpreter.kerasNames.uniqueName(forClass: className)
          }
          throw error
        }
      }
    }
    if let index = keywords.firstIndex(where: { $0.0 == argument.name }) {
      keywords[index].1 = try convert(keywords[index].1)
    } else if argument.position < positional.count {
      positional[argument.position] = try convert(positional[argument.position])
    }
  }
}
