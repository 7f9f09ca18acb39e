import CNNEngine

/// `'Conv2D' in str(layer)`: how FLOPs and summary helpers tell a tf-keras layer's kind (every
/// `summary.py` of bubbliiiing's Keras repositories walks `model.layers` so). tf-keras' layers
/// print as Python's default `<tf_keras.src.layers.convolutional.conv2d.Conv2D object at
/// 0x7f...>`, whose address changes from run to run, so ConvBook refuses the text itself; the
/// test of a substring is decided by the known part where the address cannot change it: the
/// text before the address, then hexadecimal digits and `>`. A needle that could reach into
/// the address is refused.
enum AddressedText {
  /// The result of `needle in str(name)` (`not in` negated by the caller), or nil when the
  /// expression is not that test on a tf-keras layer or model.
  static func contains(
    _ needle: Value, in operand: Expression, interpreter: Interpreter, range: SourceRange
  ) throws(CellError) -> Bool? {
    guard case .string(let needle) = needle,
      case .call(let callee, let arguments) = operand.kind,
      case .name(let function) = callee.kind, function == "str" || function == "repr",
      arguments.count == 1, arguments[0].kind == .positional,
      case .name = arguments[0].value.kind,
      case .function(let callable)? = try? interpreter.evaluate(callee),
      callable.kind == .builtin(function)
    else { return nil }
    let object = try interpreter.evaluate(arguments[0].value)
    guard interpreter.session.package(of: object) == .keras2,
      let className = KerasPackages.className(of: object),
      let module = KerasClassModules.tfKeras[className], !isSubclass(object)
    else { return nil }
    let known = Array("<\(module).\(className) object at 0x")
    let wanted = Array(needle)
    if wanted.isEmpty || contains(wanted, in: known) { return true }
    // Where the needle could start in the known text's end (or after it) and go on into the
    // address, the answer depends on the address.
    for start in known.indices + [known.count] {
      let tail = known[start...]
      guard wanted.starts(with: tail) else { continue }
      if addressLike(wanted.dropFirst(tail.count)) {
        throw .unsupported(
          "ConvBook does not know whether \(PythonText.repr(.string(needle))) is in the text of a tf-keras layer: Python's text holds the object's memory address (`<... object at 0x...>`), which changes from run to run",
          at: range)
      }
    }
    return false
  }

  /// A subclass of a built-in layer, or a model class other than Keras' own, prints another class.
  private static func isSubclass(_ value: Value) -> Bool {
    switch value {
    case .layer(let instance): return instance.subclassName != nil
    case .model(let model): return model.subclassName != nil
    default: return true
    }
  }

  /// Hexadecimal digits, possibly ended by the `>` that closes the text.
  private static func addressLike(_ characters: ArraySlice<Character>) -> Bool {
    var digits = characters
    if digits.last == ">" { digits = digits.dropLast() }
    return digits.allSatisfy { "0123456789abcdef".contains($0) }
  }

  private static func contains(_ needle: [Character], in text: [Character]) -> Bool {
    guard needle.count <= text.count else { return false }
    for start in 0...(text.count - needle.count)
    where text[start..<(start + needle.count)].elementsEqual(needle) {
      return true
    }
    return false
  }
}
