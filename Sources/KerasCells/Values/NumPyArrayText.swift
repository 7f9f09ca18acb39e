import CNNEngine
import Foundation

/// NumPy's `str` and `repr` of arrays with its default print options (NumPy 2.x, written from
/// reading `numpy/_core/arrayprint.py`, checked against its output in
/// Tests/Fixtures/numpy/print.json): precision 8 in `maxprec` mode (or what
/// `np.set_printoptions` chose: `NumPyPrintOptions`), no suppression, lines of 75
/// characters, arrays above 1000 values summarized to 3 items at each edge, and `repr`'s
/// `dtype=` (and `shape=` when summarized) suffixes.
///
/// Floats print positionally with the shortest digits that round-trip in the array's dtype (at
/// most 8 after the point, rounded), padded so that the points line up, unless a value reaches
/// 1e6 (float32) or 1e8 (float64), or the smallest nonzero magnitude is below 1e-4 or a
/// thousandth of the largest: then every value prints in scientific notation with as many
/// digits as the longest needs.
enum NumPyArrayText {
  static let lineWidth = 75
  static let threshold = 1000
  static let edgeItems = 3

  /// `dtypeName` names a dtype ConvBook stores as another (an int32 tensor's values are kept as
  /// int64): NumPy's repr shows `dtype=int32`.
  static func text(_ array: NDArray, repr: Bool, dtypeName: String? = nil) -> String {
    let prefix = repr ? "array(" : ""
    var extras: [String] = []
    if repr {
      if (array.count == 0 && array.shape != [0]) || array.count > threshold {
        extras.append(
          "shape=("
            + (array.shape.count == 1
              ? "\(array.shape[0]),"
              : array.shape.map(String.init).joined(separator: ", ")) + ")")
      }
      if let dtypeName {
        extras.append("dtype=\(dtypeName)")
      } else if array.dtype == .float32 || array.dtype == .uint8 || array.dtype == .int32
        || array.count == 0
      {
        extras.append("dtype=\(array.dtype)")
      }
    }
    if array.rank == 0 {
      guard repr else { return scalarText(array) }
      let formatter = Formatter(array, offsets: [0])
      let body = formatter.format(0)
      return prefix + body + (extras.isEmpty ? ")" : ", " + extras.joined(separator: ", ") + ")")
    }
    let body: String
    if array.count == 0 {
      body = "[]"
    } else {
      let summarize = array.count > threshold
      let offsets = displayedOffsets(
        shape: array.shape, strides: array.strides, summarize: summarize)
      let formatter = Formatter(array, offsets: offsets)
      body = layout(
        shape: array.shape, strides: array.strides, format: formatter.format,
        separator: repr ? ", " : " ", lineWidth: lineWidth - (repr ? 1 : 0),
        nextLinePrefix: " " + String(repeating: " ", count: prefix.count),
        summarize: summarize)
    }
    guard repr else { return body }
    if extras.isEmpty { return prefix + body + ")" }
    let text = prefix + body + ","
    let extra = extras.joined(separator: ", ") + ")"
    let lastLine =
      text.count
      - ((text.lastIndex(of: "\n").map { text.distance(from: text.startIndex, to: $0) + 1 }) ?? 0)
    let spacer =
      lastLine + extra.count + 1 > lineWidth
      ? "\n" + String(repeating: " ", count: prefix.count) : " "
    return text + spacer + extra
  }

  /// `str` of a 0-d array: the scalar's (`0.75`, `3`, `True`).
  private static func scalarText(_ array: NDArray) -> String {
    let value = array.value(at: 0)
    switch array.dtype {
    case .bool: return value != 0 ? "True" : "False"
    case .uint8, .int32, .int64: return String(Int(value))
    case .float32: return PythonFormat.float32(Float(value))
    case .float64: return PythonFormat.float(value)
    }
  }

  /// The flat offsets of the values a (possibly summarized) print shows, in order.
  static func displayedOffsets(shape: [Int], strides: [Int], summarize: Bool) -> [Int] {
    var result: [Int] = []
    func visit(_ axis: Int, _ offset: Int) {
      if axis == shape.count {
        result.append(offset)
        return
      }
      let size = shape[axis]
      let indices: [Int] =
        summarize && size > 2 * edgeItems
        ? Array(0..<edgeItems) + Array((size - edgeItems)..<size) : Array(0..<size)
      for index in indices { visit(axis + 1, offset + index * strides[axis]) }
    }
    visit(0, 0)
    return result
  }

  // MARK: Layout (`_formatArray`)

  /// The nested brackets of an array of `shape` whose value at each flat offset `format` gives
  /// (numbers, or the quoted items of a str array), wrapped at `lineWidth`.
  static func layout(
    shape: [Int], strides: [Int], format: (Int) -> String, separator: String, lineWidth: Int,
    nextLinePrefix: String, summarize: Bool
  ) -> String {
    func extend(
      _ s: inout String, _ line: inout String, _ word: String, _ width: Int, _ indent: String
    ) {
      var wrap = line.count + word.count > width
      if line.count <= indent.count { wrap = false }
      if wrap {
        s += String(line.reversed().drop(while: { $0 == " " }).reversed()) + "\n"
        line = indent
      }
      line += word
    }
    func recurse(_ axis: Int, _ offset: Int, _ hangingIndent: String, _ width: Int) -> String {
      let axesLeft = shape.count - axis
      if axesLeft == 0 { return format(offset) }
      let nextIndent = hangingIndent + " "
      let nextWidth = width - 1
      let size = shape[axis]
      let showSummary = summarize && 2 * edgeItems < size
      let leading = showSummary ? edgeItems : 0
      let trailing = showSummary ? edgeItems : size
      var s = ""
      if axesLeft == 1 {
        let elementWidth = width - max(separator.trimmingCharacters(in: .whitespaces).count, 1)
        var line = hangingIndent
        for i in 0..<leading {
          extend(
            &s, &line, recurse(axis + 1, offset + i * strides[axis], nextIndent, nextWidth),
            elementWidth, hangingIndent)
          line += separator
        }
        if showSummary {
          extend(&s, &line, "...", elementWidth, hangingIndent)
          line += separator
        }
        for i in stride(from: trailing, to: 1, by: -1) {
          let index = size - i
          extend(
            &s, &line, recurse(axis + 1, offset + index * strides[axis], nextIndent, nextWidth),
            elementWidth, hangingIndent)
          line += separator
        }
        extend(
          &s, &line, recurse(axis + 1, offset + (size - 1) * strides[axis], nextIndent, nextWidth),
          elementWidth, hangingIndent)
        s += line
      } else {
        let lineSeparator =
          separator.trimmingCharacters(in: .whitespaces)
          + String(repeating: "\n", count: axesLeft - 1)
        for i in 0..<leading {
          s +=
            hangingIndent + recurse(axis + 1, offset + i * strides[axis], nextIndent, nextWidth)
            + lineSeparator
        }
        if showSummary { s += hangingIndent + "..." + lineSeparator }
        for i in stride(from: trailing, to: 1, by: -1) {
          let index = size - i
          s +=
            hangingIndent + recurse(axis + 1, offset + index * strides[axis], nextIndent, nextWidth)
            + lineSeparator
        }
        s +=
          hangingIndent
          + recurse(axis + 1, offset + (size - 1) * strides[axis], nextIndent, nextWidth)
      }
      return "[" + String(s.dropFirst(hangingIndent.count)) + "]"
    }
    return recurse(0, 0, nextLinePrefix, lineWidth)
  }

  // MARK: Elements

  /// The element format of an array, fitted to the values it shows (`_get_format_function`).
  struct Formatter {
    private let array: NDArray
    private enum Mode {
      case bool
      case integer(width: Int)
      case positional(padLeft: Int, padRight: Int)
      case scientific(padLeft: Int, precision: Int, exponentDigits: Int, padRight: Int)
    }
    private let mode: Mode

    init(_ array: NDArray, offsets: [Int]) {
      self.array = array
      switch array.dtype {
      case .bool:
        mode = .bool
      case .uint8, .int32, .int64:
        mode = .integer(
          width: offsets.map { String(Int(array.value(at: $0))).count }.max() ?? 1)
      case .float32, .float64:
        let values = offsets.map { array.value(at: $0) }
        let finite = values.filter(\.isFinite)
        let magnitudes = finite.filter { $0 != 0 }.map { abs($0) }
        var scientific = false
        if let largest = magnitudes.max(), let smallest = magnitudes.min() {
          let cutoff = array.dtype == .float32 ? 1e6 : 1e8
          // NumPy 2 compares in the array's dtype (NEP 50: the Python floats 0.0001 and 1000.
          // become float32 beside float32 values), so float32(1e-4) is not below 0.0001.
          let small: Bool
          let spread: Bool
          if array.dtype == .float32 {
            small = Float(smallest) < Float(0.0001)
            spread = Float(largest) / Float(smallest) > 1000
          } else {
            small = smallest < 0.0001
            spread = largest / smallest > 1000
          }
          // `suppress=True` keeps small values positional (rounded to the precision).
          scientific =
            largest >= cutoff || (!NumPyPrintOptions.current.suppress && (small || spread))
        }
        let float32 = array.dtype == .float32
        var padLeft = 0
        var padRight = 0
        if finite.isEmpty {
          // No finite value sets the width, but `inf`, `-inf` and `nan` still share one column
          // (NumPy's fillFormat pads them all the same): [ inf -inf].
          mode = .positional(
            padLeft: Self.widenForNonFinite(values, padLeft: 0, padRight: 0), padRight: 0)
        } else if scientific {
          let parts = finite.map { Self.scientificParts($0, float32: float32) }
          let precision = parts.map(\.fraction.count).max() ?? 0
          let exponentDigits = max(2, parts.map { String(abs($0.exponent)).count }.max() ?? 2)
          padLeft = parts.map(\.integer.count).max() ?? 1
          padRight = exponentDigits + 2 + precision
          mode = .scientific(
            padLeft: Self.widenForNonFinite(values, padLeft: padLeft, padRight: padRight),
            precision: precision, exponentDigits: exponentDigits, padRight: padRight)
        } else {
          let parts = finite.map { Self.positionalParts($0, float32: float32) }
          padLeft = parts.map(\.integer.count).max() ?? 1
          padRight = parts.map(\.fraction.count).max() ?? 0
          mode = .positional(
            padLeft: Self.widenForNonFinite(values, padLeft: padLeft, padRight: padRight),
            padRight: padRight)
        }
      }
    }

    /// Room for `nan`, `inf` and `-inf` in the column.
    private static func widenForNonFinite(_ values: [Double], padLeft: Int, padRight: Int) -> Int {
      guard values.contains(where: { !$0.isFinite }) else { return padLeft }
      let negativeInfinity = values.contains { $0.isInfinite && $0 < 0 }
      let offset = padRight + 1
      return max(padLeft, 3 - offset, 3 + (negativeInfinity ? 1 : 0) - offset)
    }

    func format(_ offset: Int) -> String {
      let value = array.value(at: offset)
      switch mode {
      case .bool: return value != 0 ? " True" : "False"
      case .integer(let width):
        let text = String(Int(value))
        return String(repeating: " ", count: max(0, width - text.count)) + text
      case .positional(let padLeft, let padRight):
        guard value.isFinite else { return Self.nonFinite(value, width: padLeft + padRight + 1) }
        let parts = Self.positionalParts(value, float32: array.dtype == .float32)
        return String(repeating: " ", count: max(0, padLeft - parts.integer.count)) + parts.integer
          + "." + parts.fraction
          + String(repeating: " ", count: max(0, padRight - parts.fraction.count))
      case .scientific(let padLeft, let precision, let exponentDigits, let padRight):
        guard value.isFinite else { return Self.nonFinite(value, width: padLeft + padRight + 1) }
        // Every value with `precision` digits after the point: beyond its shortest digits come
        // the exact value's own (Dragon4 with min_digits), which is what "%.Ne" prints.
        let text = String(format: "%.\(precision)e", value)
        let pieces = text.split(separator: "e")
        let mantissa = String(pieces[0])
        let exponent = Int(pieces[1]) ?? 0
        let digits = String(abs(exponent))
        let point = precision == 0 ? "." : ""
        return String(
          repeating: " ", count: max(0, padLeft + precision + 1 - mantissa.count - point.count))
          + mantissa + point + "e" + (exponent < 0 ? "-" : "+")
          + String(repeating: "0", count: max(0, exponentDigits - digits.count)) + digits
      }
    }

    private static func nonFinite(_ value: Double, width: Int) -> String {
      let text = value.isNaN ? "nan" : value < 0 ? "-inf" : "inf"
      return String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// The shortest round-trip digits of |x| in the dtype, and the position of the point:
    /// |x| = 0.d1d2... x 10^point.
    static func shortestDigits(_ value: Double, float32: Bool) -> ([Character], Int) {
      let text = float32 ? "\(Float(value).magnitude)" : "\(value.magnitude)"
      var mantissa = Substring(text)
      var exponent = 0
      if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        mantissa = text[..<e]
        exponent = Int(text[text.index(after: e)...]) ?? 0
      }
      let point = mantissa.firstIndex(of: ".") ?? mantissa.endIndex
      let integer = mantissa[..<point]
      let fraction = point < mantissa.endIndex ? mantissa[mantissa.index(after: point)...] : ""
      var digits = Array(integer + fraction)
      var position = integer.count + exponent
      while digits.count > 1 && digits.first == "0" {
        digits.removeFirst()
        position -= 1
      }
      while digits.count > 1 && digits.last == "0" { digits.removeLast() }
      if digits == ["0"] { position = 1 }
      return (digits, position)
    }

    /// `dragon4_positional(x, precision=8, unique=True, trim='.')` (the print options'
    /// precision): integer part (with the sign) and fraction digits without trailing zeros.
    static func positionalParts(_ value: Double, float32: Bool) -> (
      integer: String, fraction: String
    ) {
      let precision = NumPyPrintOptions.current.precision
      let sign = value.sign == .minus ? "-" : ""
      let (digits, point) = shortestDigits(value, float32: float32)
      let fractionCount = max(0, digits.count - point)
      if fractionCount > precision {
        // More digits than the precision: the exact value rounded to that many decimals.
        let text = String(format: "%.\(precision)f", value.magnitude)
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
        var fraction = String(pieces.count > 1 ? pieces[1] : "")
        while fraction.last == "0" { fraction.removeLast() }
        return (sign + String(pieces[0]), fraction)
      }
      let integer =
        point <= 0
        ? "0"
        : String(digits.prefix(point))
          + String(repeating: "0", count: max(0, point - digits.count))
      let fraction =
        point >= digits.count
        ? ""
        : String(repeating: "0", count: max(0, -point))
          + String(digits.suffix(digits.count - max(0, point)))
      return (sign + integer, fraction)
    }

    /// `dragon4_scientific(x, precision=8, unique=True, trim='.')`: the leading digit (with the
    /// sign), the other digits without trailing zeros, and the decimal exponent.
    static func scientificParts(_ value: Double, float32: Bool) -> (
      integer: String, fraction: String, exponent: Int
    ) {
      let precision = NumPyPrintOptions.current.precision
      let sign = value.sign == .minus ? "-" : ""
      if value == 0 { return (sign + "0", "", 0) }
      let (digits, point) = shortestDigits(value, float32: float32)
      if digits.count - 1 > precision {
        let text = String(format: "%.\(precision)e", value.magnitude)
        let pieces = text.split(separator: "e")
        let mantissa = pieces[0].split(separator: ".", omittingEmptySubsequences: false)
        var fraction = String(mantissa.count > 1 ? mantissa[1] : "")
        while fraction.last == "0" { fraction.removeLast() }
        return (sign + String(mantissa[0]), fraction, Int(pieces[1]) ?? 0)
      }
      return (sign + String(digits[0]), String(digits.dropFirst()), point - 1)
    }
  }
}
