/// A fenced code block of Keras model code, written ```` ```keras [options] ````.
public struct CodeCell: Sendable, Hashable {
  /// The code, exactly as cmark gives it: fence indentation removed, every line (including the
  /// last) ending in `"\n"`, empty for an empty cell.
  public var source: String
  /// The info string words after `keras`, in order, e.g. `["hide-code", "id=conv"]`.
  public var options: [String]
  /// The lesson line of the opening fence.
  public var fenceLine: Int
  /// The lesson line of the first code line (the line after the fence), even when the cell is
  /// empty: cell line N is lesson line `codeStartLine + N - 1`.
  public var codeStartLine: Int
  /// Where the whole block is, fences included.
  public var position: SourcePosition

  /// Creates a cell.
  public init(
    source: String, options: [String], fenceLine: Int, codeStartLine: Int,
    position: SourcePosition
  ) {
    self.source = source
    self.options = options
    self.fenceLine = fenceLine
    self.codeStartLine = codeStartLine
    self.position = position
  }

  /// The options without an `=`, e.g. `hide-code`.
  public var flags: [String] { options.filter { !$0.contains("=") } }

  /// The `key=value` options; for a repeated key the last one wins. The value is everything after
  /// the first `=` and may be empty.
  public var settings: [String: String] {
    var result: [String: String] = [:]
    for option in options {
      guard let equals = option.firstIndex(of: "=") else { continue }
      result[String(option[..<equals])] = String(option[option.index(after: equals)...])
    }
    return result
  }

  /// Whether `flag` is among the options.
  public func hasFlag(_ flag: String) -> Bool { options.contains(flag) }

  /// The lesson line of 1-based cell line `cellLine`, for reporting errors in the lesson.
  public func lessonLine(ofCellLine cellLine: Int) -> Int { codeStartLine + cellLine - 1 }
}
