import Foundation

/// JSON with object keys kept in the order they were written, so that machine-readable output is
/// stable and reads in a sensible order (`name` before `layers`).
public indirect enum JSONValue: Equatable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    lhs.serialized() == rhs.serialized()
  }

  /// A shape as a JSON array, `None` as null: `[null, 224, 224, 3]`.
  public static func shape(_ dimensions: [Int?]) -> JSONValue {
    .array(dimensions.map { $0.map(JSONValue.int) ?? .null })
  }

  /// Compact, or indented by two spaces per level with `pretty`.
  public func serialized(pretty: Bool = false) -> String {
    var output = ""
    write(into: &output, pretty: pretty, indent: 0)
    return output
  }

  private func write(into output: inout String, pretty: Bool, indent: Int) {
    let newline = pretty ? "\n" : ""
    let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
    let closingPad = pretty ? String(repeating: "  ", count: indent) : ""
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .int(let value): output += String(value)
    case .double(let value):
      if value.isFinite {
        output +=
          value == value.rounded() && abs(value) < 1e15 ? String(format: "%.1f", value) : "\(value)"
      } else {
        output += "null"
      }
    case .string(let value): output += Self.quote(value)
    case .array(let items):
      if items.isEmpty {
        output += "[]"
        return
      }
      // Short arrays of scalars (shapes) stay on one line even when pretty.
      let inline = items.allSatisfy { $0.isScalar } && items.count <= 8
      output += "["
      for (index, item) in items.enumerated() {
        if index > 0 { output += inline || !pretty ? ", " : "," }
        if !inline { output += newline + pad }
        item.write(into: &output, pretty: pretty, indent: indent + 1)
      }
      if !inline { output += newline + closingPad }
      output += "]"
    case .object(let pairs):
      if pairs.isEmpty {
        output += "{}"
        return
      }
      output += "{"
      for (index, pair) in pairs.enumerated() {
        if index > 0 { output += pretty ? "," : ", " }
        output += newline + pad + Self.quote(pair.0) + ": "
        pair.1.write(into: &output, pretty: pretty, indent: indent + 1)
      }
      output += newline + closingPad + "}"
    }
  }

  private var isScalar: Bool {
    switch self {
    case .array, .object: return false
    default: return true
    }
  }

  static func quote(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      // Every control character and the bidirectional overrides, so that JSON printed on a
      // terminal cannot drive it either (a C1 control such as U+009B starts an escape sequence).
      case let control where TerminalText.needsEscape(control, keepLineBreaks: false):
        result += String(format: "\\u%04x", control.value)
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}
