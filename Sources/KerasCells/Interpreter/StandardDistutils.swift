/// `distutils.version.LooseVersion`, which older model code uses to check the TensorFlow it runs on
/// (`LooseVersion(tf.__version__) >= LooseVersion("2.0")`). Python 3.11 still has `distutils` (the
/// copy setuptools installs); each version made warns with a `DeprecationWarning` on standard error,
/// naming the line that made it. The module's other names (`StrictVersion`, the build commands)
/// are ConvBook's limitation.
enum StandardDistutils {
  static let deprecation =
    "distutils Version classes are deprecated. Use packaging.version instead."

  static func attribute(_ name: String, of module: String) -> Value? {
    switch (module, name) {
    case ("distutils", "version"): return .module(.standard("distutils.version"))
    case ("distutils.version", "LooseVersion"): return StandardLibrary.function(module, name)
    default: return nil
    }
  }

  static func call(_ name: String, _ arguments: StandardArguments) throws(CellError) -> Value? {
    guard name == "LooseVersion" else { return nil }
    let (values, _) = try arguments.bind([("vstring", Value.none)])
    let given = values["vstring"] ?? .none
    // `Version.__init__` parses only a true value; a version without one has no `version` to
    // compare, which ConvBook does not model.
    guard given.isTruthy else {
      throw .unsupported(
        "ConvBook does not support `distutils.version.LooseVersion` without a version string yet",
        at: arguments.range)
    }
    guard case .string(let text) = given else {
      // `re.split` on a value that is not a string, in CPython 3.11's words.
      throw arguments.typeError("expected string or bytes-like object, got '\(given.typeName)'")
    }
    var warning = KerasWarning(
      category: "DeprecationWarning", message: deprecation, range: arguments.range)
    warning.namesCallerLine = true
    // Python's default filter shows a warning once per message and line.
    arguments.interpreter.warnOnce(
      location: "line \(arguments.range.start.line): DeprecationWarning: \(deprecation)", warning)
    return .standard(LooseVersion(text))
  }
}

/// A `distutils.version.LooseVersion`: the string split into numbers, runs of lower-case letters
/// and whatever lies between them (dots dropped), compared as that list.
final class LooseVersion: StandardObject {
  let text: String
  let components: [Value]

  init(_ text: String) {
    self.text = text
    self.components = Self.parse(text)
  }

  /// `component_re.split(vstring)` without the empty pieces and the dots, with each piece that
  /// `int()` reads as a number (`\d+`: any Unicode decimal digits) made one.
  private static func parse(_ text: String) -> [Value] {
    enum Kind { case digit, letter, dot, other }
    func kind(_ scalar: Unicode.Scalar) -> Kind {
      if scalar.properties.numericType == .decimal { return .digit }
      if ("a"..."z").contains(scalar) { return .letter }
      return scalar == "." ? .dot : .other
    }
    var pieces: [(Kind, String)] = []
    for scalar in text.unicodeScalars {
      let current = kind(scalar)
      // Digits and letters run together; a dot is a piece of its own; what lies between the
      // matches is one piece however it mixes.
      if let last = pieces.last, last.0 == current, current != .dot {
        pieces[pieces.count - 1].1.unicodeScalars.append(scalar)
      } else {
        pieces.append((current, String(scalar)))
      }
    }
    return pieces.compactMap { kind, piece in
      switch kind {
      case .dot: return nil
      case .digit:
        var number = 0
        for scalar in piece.unicodeScalars {
          let digit = Int(scalar.properties.numericValue ?? 0)
          let (product, overflow) = number.multipliedReportingOverflow(by: 10)
          let (sum, overflowSum) = product.addingReportingOverflow(digit)
          if overflow || overflowSum { return .string(piece) }
          number = sum
        }
        return .int(number)
      case .letter, .other: return .string(piece)
      }
    }
  }

  override var typeName: String { "LooseVersion" }
  override func str(_ item: (Value) -> String) -> String { text }
  override func repr(_ item: (Value) -> String) -> String { "LooseVersion ('\(text)')" }
  override var comparisonKey: Value? { .tuple(components) }

  /// `_cmp` reads a str as a LooseVersion of it.
  override func comparisonKey(coercing other: Value) -> Value? {
    guard case .string(let text) = other else { return nil }
    return .tuple(Self.parse(text))
  }

  /// `_cmp` compares the lists with `<`, whatever the operator that called it.
  override var comparesWithLess: Bool { true }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "vstring": return .string(text)
    case "version": return .list(PythonList(components))
    default: return nil
    }
  }
}
