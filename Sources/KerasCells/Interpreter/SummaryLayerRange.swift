import CNNEngine

/// `model.summary(layer_range=[first, last])`: the rows shown, found as both Keras find them
/// (`get_layer_index_bound_by_layer_name`, the same code in tf-keras 2.21 and Keras 3.15.1): each
/// of the two strings is a regular expression matched at the start of each row's layer name
/// (`re.match`); the rows from the first match of `first` to the last match of `last` (swapped
/// when those are in the other order). The totals stay the whole model's.
enum SummaryLayerRange {
  static func rows(
    _ value: Value, names: [String], range: SourceRange, interpreter: Interpreter
  ) throws(CellError) -> Range<Int> {
    let items: [Value]
    switch value {
    case .list(let list): items = list.items
    case .tuple(let tuple): items = tuple
    case .string(let text): items = PythonCodePoints.items(text).map(Value.string)
    default:
      throw .unsupported(
        "model.summary(layer_range=\(PythonText.repr(value))) is not supported in ConvBook: give a list of two layer names",
        at: range)
    }
    guard items.count == 2 else {
      throw CellError(
        type: "ValueError",
        message:
          "layer_range must be a list or tuple of length 2. Received: layer_range = \(PythonText.str(value)) of length \(items.count)",
        range: range)
    }
    guard case .string(let first) = items[0], case .string(let last) = items[1] else {
      throw CellError(
        type: "ValueError",
        message: "layer_range should contain string type only. Received: \(PythonText.str(value))",
        range: range)
    }
    let lower = try matching(first, names: names, range: range, interpreter: interpreter)
    let upper = try matching(last, names: names, range: range, interpreter: interpreter)
    guard let lowest = lower.first, let highest = upper.last, let lastLower = lower.last,
      let firstUpper = upper.first
    else {
      throw CellError(
        type: "ValueError",
        message:
          "Passed layer_names do not match the layer names in the model. Received: \(PythonText.str(value))",
        range: range)
    }
    if lowest > highest { return firstUpper..<(lastLower + 1) }
    return lowest..<(highest + 1)
  }

  /// The indices of the names that `pattern` matches at their start, in order.
  private static func matching(
    _ pattern: String, names: [String], range: SourceRange, interpreter: Interpreter
  ) throws(CellError) -> [Int] {
    let regex: PythonRegex
    do {
      regex = try PythonRegex(pattern, flags: [])
    } catch {
      if error.message.hasPrefix("ConvBook") { throw .unsupported(error.message, at: range) }
      throw CellError(type: error.type ?? "re.error", message: error.message, range: range)
    }
    let step = { () throws(PythonRegexStop) in
      do throws(CellError) {
        try interpreter.step(at: range)
      } catch {
        throw PythonRegexStop(error: error)
      }
    }
    var found: [Int] = []
    for (index, name) in names.enumerated() {
      let text = Array(name.unicodeScalars)
      do throws(PythonRegexStop) {
        if try regex.firstMatch(
          in: text, from: 0, to: text.count, anchored: true, step: step) != nil
        {
          found.append(index)
        }
      } catch {
        if let stop = error.error { throw stop }
        throw .unsupported(
          "ConvBook's regular expressions do not match this much text in one match yet (about 10,000 repetitions of a quantifier)",
          at: range)
      }
    }
    return found
  }
}
