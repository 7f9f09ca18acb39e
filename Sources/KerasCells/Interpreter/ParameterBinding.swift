/// The parameters of a Python function of Keras' that ConvBook binds as CPython does (callback
/// and regularizer constructors), so a call with a wrong keyword fails in Python's words on the
/// line that makes the object.
struct ParameterBinding {
  /// The parameters after `self`, in order.
  let parameters: [String]
  /// How many of the first parameters have no default.
  let required: Int
  /// Whether the function ends in `**kwargs`, which keeps keywords it does not name.
  let keepsKeywords: Bool

  init(_ parameters: [String], required: Int = 0, keepsKeywords: Bool = false) {
    self.parameters = parameters
    self.required = required
    self.keepsKeywords = keepsKeywords
  }

  /// Binds `function(positional..., keywords...)` as CPython does: an unknown keyword, a parameter
  /// given twice, too many positional arguments, then the first missing required one.
  /// `function` is the name Python's messages give (`EarlyStopping.__init__()`, `l1_l2()`);
  /// `method` says whether it takes `self` (counted in the positional arguments).
  func bind(
    function: String, method: Bool = true, positional: Int, keywords: [String],
    range: SourceRange
  ) throws(CellError) {
    func typeError(_ message: String) -> CellError {
      CellError(type: "TypeError", message: "\(function) \(message)", range: range)
    }
    for keyword in keywords {
      guard let index = parameters.firstIndex(of: keyword) else {
        if keepsKeywords { continue }
        throw typeError("got an unexpected keyword argument '\(keyword)'")
      }
      if index < positional {
        throw typeError("got multiple values for argument '\(keyword)'")
      }
    }
    let offset = method ? 1 : 0
    let most = parameters.count + offset
    if positional + offset > most {
      let least = required + offset
      let takes =
        least == most
        ? "\(most) positional argument\(most == 1 ? "" : "s")"
        : "from \(least) to \(most) positional arguments"
      throw typeError("takes \(takes) but \(positional + offset) were given")
    }
    let missing = parameters.prefix(required).dropFirst(positional).filter {
      !keywords.contains($0)
    }
    if let first = missing.first {
      let count = missing.count
      let names: String
      if count == 1 {
        names = "'\(first)'"
      } else {
        let quoted = missing.map { "'\($0)'" }
        names = quoted.dropLast().joined(separator: ", ") + " and " + quoted.last!
      }
      throw typeError(
        "missing \(count) required positional argument\(count == 1 ? "" : "s"): \(names)")
    }
  }
}
