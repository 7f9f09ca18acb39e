import CNNEngine
import Foundation

/// `tf.print(*inputs, output_stream=sys.stderr, summarize=3, sep=" ", end="\n")` run eagerly:
/// TensorFlow's `print_v2`. A tensor (or `tf.Variable`) shows as the `StringFormat` op summarizes
/// it (`Tensor::SummarizeValue` with `print_v2`: `[1 2 ... 9]`, floats in their shortest
/// `%g` that reads back); a str argument as itself; any other value as `pprint.pformat` shows it,
/// with the tensors inside in their summary. The text goes to standard error unless
/// `output_stream=sys.stdout`.
enum EagerPrint {
  static func call(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let range = site.range
    var toStandardOutput = false
    var summarize = 3
    var separator = " "
    var end = "\n"
    let known: Set<String> = ["output_stream", "name", "summarize", "sep", "end"]
    let unknown = keywords.filter { !known.contains($0.0) }
    if !unknown.isEmpty {
      let dictionary = Value.dictionary(PythonDict(unknown.map { (.string($0.0), $0.1) }))
      try interpreter.prepareText(dictionary, range: range, as: .repr)
      throw CellError(
        type: "ValueError",
        message: "Unrecognized keyword arguments for tf.print: \(PythonText.repr(dictionary))",
        range: range)
    }
    for (label, value) in keywords {
      switch (label, value) {
      case ("output_stream", .standard(let stream as StandardStream)):
        toStandardOutput = stream.isStandardOutput
      case ("output_stream", _):
        throw .unsupported(
          "ConvBook does not support `tf.print` with `output_stream=\(PythonText.repr(value))` yet (it prints to sys.stdout or sys.stderr)",
          at: range)
      case ("summarize", .int(let count)) where count >= -1:
        summarize = count
      case ("summarize", _):
        throw .unsupported(
          "ConvBook does not support `tf.print` with `summarize=\(PythonText.repr(value))` yet (a count of elements, or -1)",
          at: range)
      case ("sep", .string(let text)): separator = text
      case ("end", .string(let text)): end = text
      case ("name", _): break
      default:
        throw .unsupported(
          "ConvBook does not support `tf.print` with a `\(label)` that is not a str yet", at: range)
      }
    }
    for value in positional {
      try interpreter.prepareText(value, range: range, as: .repr)
      try PythonText.requireKnownText(value, range: range)
    }
    var parts: [String] = []
    if positional.count == 1, case .standard(let strings as EagerStringTensor) = positional[0],
      strings.shape.isEmpty
    {
      // A scalar string tensor alone is the formatted string itself, printed as it is.
      parts = [strings.items.first ?? ""]
    } else {
      for value in positional {
        if case .string(let text) = value {
          parts.append(text)
        } else if let text = try tensorText(value, summarize: summarize, interpreter, range) {
          parts.append(text)
        } else {
          parts.append(try structureText(value, summarize: summarize, interpreter, range))
        }
      }
    }
    let text = parts.joined(separator: separator) + end
    try interpreter.budget.allocate(bytes: text.utf8.count, at: range)
    if toStandardOutput {
      interpreter.write(text)
    } else {
      interpreter.writeError(text)
    }
    return .none
  }

  /// The summary of a tensor (an eager tensor, a `tf.Variable`, a string tensor); nil for any
  /// other value.
  private static func tensorText(
    _ value: Value, summarize: Int, _ interpreter: Interpreter, _ range: SourceRange
  ) throws(CellError) -> String? {
    if case .standard(let strings as EagerStringTensor) = value {
      let items = strings.items.map { "\"" + escaped($0) + "\"" }
      return try summary(
        shape: strings.shape, count: items.count, summarize: summarize, interpreter, range
      ) { items[$0] }
    }
    guard let array = EagerTensors.operand(value) else { return nil }
    let dtype = EagerDType(of: array)
    let values = EagerTensors.doubles(array)
    return try summary(
      shape: array.shape, count: values.count, summarize: summarize, interpreter, range
    ) { element(values[$0], dtype) }
  }

  /// `pprint.pformat` of a value that is not a tensor, with the tensors inside it (lists, tuples
  /// and dicts, as `nest` finds them) in their summary. pprint breaks a text wider than 80
  /// columns into lines, which ConvBook refuses.
  private static func structureText(
    _ value: Value, summarize: Int, _ interpreter: Interpreter, _ range: SourceRange
  ) throws(CellError) -> String {
    // The width pprint measures: each tensor is its placeholder string, `'{}'`.
    var width = 0
    let text = try pformat(
      value, summarize: summarize, width: &width, depth: 0, interpreter, range)
    switch value {
    case .list, .tuple, .dictionary:
      if width > 80 {
        throw .unsupported(
          "ConvBook does not support `tf.print` of a structure wider than 80 columns yet (pprint breaks it into lines)",
          at: range)
      }
    default: break
    }
    return text
  }

  private static func pformat(
    _ value: Value, summarize: Int, width: inout Int, depth: Int, _ interpreter: Interpreter,
    _ range: SourceRange
  ) throws(CellError) -> String {
    guard depth <= PythonText.maximumNesting else {
      throw .unsupported(
        "ConvBook does not support `tf.print` of so deep a structure yet", at: range)
    }
    if let text = try tensorText(value, summarize: summarize, interpreter, range) {
      width += 4
      return text
    }
    func joined(_ items: [Value], _ open: String, _ close: String) throws(CellError) -> String {
      width += open.count + close.count + max(0, items.count - 1) * 2
      var texts: [String] = []
      for item in items {
        texts.append(
          try pformat(
            item, summarize: summarize, width: &width, depth: depth + 1, interpreter, range))
      }
      return open + texts.joined(separator: ", ") + close
    }
    switch value {
    case .list(let list):
      return try joined(Array(list), "[", "]")
    case .tuple(let items) where items.count == 1:
      width += 1
      return try joined(items, "(", ",)")
    case .tuple(let items):
      return try joined(items, "(", ")")
    case .dictionary(let dictionary):
      guard case .plain = dictionary.flavor else { break }
      // pprint sorts a dict's keys (nest orders a dict's tensors the same way).
      var pairs = Array(dictionary.pairs)
      if pairs.allSatisfy({ if case .string = $0.0 { return true } else { return false } }) {
        pairs.sort {
          if case .string(let a) = $0.0, case .string(let b) = $1.0 {
            return Array(a.unicodeScalars.map(\.value))
              .lexicographicallyPrecedes(b.unicodeScalars.map(\.value))
          }
          return false
        }
      } else if pairs.count > 1 {
        throw .unsupported(
          "ConvBook does not support `tf.print` of a dict whose keys are not all str yet", at: range
        )
      }
      width += 2 + max(0, pairs.count - 1) * 2
      var texts: [String] = []
      for (key, item) in pairs {
        let keyText = PythonText.repr(key)
        width += keyText.count + 2
        texts.append(
          keyText + ": "
            + (try pformat(
              item, summarize: summarize, width: &width, depth: depth + 1, interpreter, range)))
      }
      return "{" + texts.joined(separator: ", ") + "}"
    default: break
    }
    if holdsTensor(value, depth: depth) {
      throw .unsupported(
        "ConvBook does not support `tf.print` of tensors inside a \(value.typeName) yet", at: range)
    }
    let text = PythonText.repr(value)
    width += text.count
    return text
  }

  private static func holdsTensor(_ value: Value, depth: Int) -> Bool {
    guard depth <= PythonText.maximumNesting else { return false }
    if EagerTensors.operand(value) != nil { return true }
    if case .standard(is EagerStringTensor) = value { return true }
    if case .dictionary(let dictionary) = value {
      return dictionary.pairs.contains { holdsTensor($0.1, depth: depth + 1) }
    }
    return (value.sequenceItems ?? []).contains { holdsTensor($0, depth: depth + 1) }
  }

  /// `Tensor::SummarizeValue(summarize, print_v2: true)`: the first and last `limit` items of
  /// each axis (`limit` is `summarize`, at most the element count; -1 shows all), NumPy-like
  /// brackets and line breaks (`PrintOneDimV2`).
  private static func summary(
    shape: [Int], count: Int, summarize: Int, _ interpreter: Interpreter, _ range: SourceRange,
    element: (Int) -> String
  ) throws(CellError) -> String {
    guard !shape.isEmpty else { return count > 0 ? element(0) : "" }
    let limit = summarize < 0 ? count : min(summarize, count)
    var result = ""
    var written = 0
    func spacing(_ axis: Int) {
      if axis == shape.count - 1 {
        result += " "
        return
      }
      result += String(repeating: "\n", count: shape.count - axis - 1)
      result += String(repeating: " ", count: axis + 1)
    }
    func dimension(_ axis: Int, _ offset: Int) throws(CellError) {
      if axis == shape.count {
        let text = element(offset)
        written += text.utf8.count + 1
        if written > 65_536 {
          try interpreter.budget.allocate(bytes: written, at: range)
          written = 0
        }
        result += text
        return
      }
      result += "["
      let size = shape[axis]
      let startOfEnd = max(limit, size - limit)
      let stride = shape[(axis + 1)...].reduce(1, *)
      var index = 0
      while index < limit && index < size {
        if index > 0 { spacing(axis) }
        try dimension(axis + 1, offset + stride * index)
        index += 1
      }
      if size > 2 * limit {
        spacing(axis)
        result += "..."
      }
      var tail = startOfEnd
      while tail < size {
        spacing(axis)
        try dimension(axis + 1, offset + stride * tail)
        tail += 1
      }
      result += "]"
    }
    try dimension(0, 0)
    return result
  }

  /// One element as TensorFlow's `PrintOneElement` writes it: booleans as 1 and 0, whole numbers
  /// in decimal, floats in the shortest of `%.6g` / `%.9g` (double: `%.15g` / `%.17g`) that reads
  /// back as the same value (`FloatToBuffer`).
  static func element(_ value: Double, _ dtype: EagerDType) -> String {
    switch dtype {
    case .bool: return value != 0 ? "1" : "0"
    case .int32, .int64, .uint8: return String(Int(value))
    case .float32:
      let number = Float(value)
      if number.isNaN { return number.sign == .minus ? "-nan" : "nan" }
      let short = String(format: "%.6g", Double(number))
      return Float(short) == number ? short : String(format: "%.9g", Double(number))
    case .float64:
      if value.isNaN { return value.sign == .minus ? "-nan" : "nan" }
      let short = String(format: "%.15g", value)
      return Double(short) == value ? short : String(format: "%.17g", value)
    }
  }

  /// `absl::Utf8SafeCEscape`: C escapes for quotes, backslashes and control bytes, UTF-8 kept.
  private static func escaped(_ text: String) -> String {
    var bytes: [UInt8] = []
    for byte in text.utf8 {
      switch byte {
      case 0x0A: bytes += Array("\\n".utf8)
      case 0x0D: bytes += Array("\\r".utf8)
      case 0x09: bytes += Array("\\t".utf8)
      case 0x22: bytes += Array("\\\"".utf8)
      case 0x27: bytes += Array("\\'".utf8)
      case 0x5C: bytes += Array("\\\\".utf8)
      case 0..<0x20, 0x7F:
        let octal = String(byte, radix: 8)
        bytes += Array(("\\" + String(repeating: "0", count: 3 - octal.count) + octal).utf8)
      default: bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
