/// `pd.set_option(pattern, value, ...)`, which scripts call before they print DataFrames: the
/// display options they set most, checked as pandas 3 checks them (its ValueErrors for values
/// out of range). ConvBook models no DataFrame, so a value that passes changes nothing it prints;
/// another option, or a pattern pandas would match against several, is ConvBook's limitation.
enum PandasOptions {
  private enum Check {
    case nonnegativeIntOrNone, intOrNone, callableOrNone, none
  }

  /// The options by pandas' full key, and the short patterns that match one key only.
  private static let options: [String: Check] = [
    "display.max_columns": .nonnegativeIntOrNone, "display.max_rows": .nonnegativeIntOrNone,
    "display.max_colwidth": .nonnegativeIntOrNone, "display.precision": .nonnegativeIntOrNone,
    "display.width": .intOrNone, "display.float_format": .callableOrNone,
    "display.expand_frame_repr": .none,
  ]
  private static let shortPatterns: [String: String] = [
    "max_colwidth": "display.max_colwidth", "float_format": "display.float_format",
    "expand_frame_repr": "display.expand_frame_repr",
  ]

  static func setOption(positional: [Value], keywords: [(String, Value)], range: SourceRange)
    throws(CellError) -> Value
  {
    if let (label, _) = keywords.first {
      throw CellError(
        type: "TypeError", message: "set_option() got an unexpected keyword argument '\(label)'",
        range: range)
    }
    guard !positional.isEmpty, positional.count % 2 == 0 else {
      throw CellError(
        type: "ValueError", message: "Must provide an even number of non-keyword arguments",
        range: range)
    }
    for pair in stride(from: 0, to: positional.count, by: 2) {
      guard case .string(let pattern) = positional[pair],
        let check = options[pattern] ?? shortPatterns[pattern].flatMap({ options[$0] })
      else {
        throw .unsupported(
          "ConvBook does not support pandas.set_option(\(PythonText.repr(positional[pair])), ...) yet (it knows the display options scripts set most)",
          at: range)
      }
      let value = positional[pair + 1]
      let message: String?
      switch (check, value) {
      case (.none, _), (_, .none), (.nonnegativeIntOrNone, .bool), (.intOrNone, .bool),
        (.intOrNone, .int), (.callableOrNone, .function), (.callableOrNone, .method):
        message = nil
      case (.nonnegativeIntOrNone, .int(let number)):
        message = number >= 0 ? nil : "Value must be a nonnegative integer or None"
      case (.nonnegativeIntOrNone, _): message = "Value must be a nonnegative integer or None"
      case (.intOrNone, _):
        message = "Value must be an instance of <class 'NoneType'>|<class 'int'>"
      case (.callableOrNone, .string), (.callableOrNone, .int), (.callableOrNone, .float):
        message = "Value must be a callable"
      case (.callableOrNone, _):
        throw .unsupported(
          "ConvBook does not support pandas.set_option(\(PythonText.repr(positional[pair])), ...) with \(value.typeName) yet",
          at: range)
      }
      if let message { throw CellError(type: "ValueError", message: message, range: range) }
    }
    return .none
  }
}
