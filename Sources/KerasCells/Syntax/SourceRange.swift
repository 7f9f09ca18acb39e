/// A half-open span of source text: `start` is the first character, `end` is
/// just past the last one. An empty range (`start == end`) marks a point, such
/// as the end of a line where a `:` was expected.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
  /// The first character of the span.
  public var start: SourceLocation
  /// The location just past the last character of the span.
  public var end: SourceLocation

  /// Creates the span from `start` up to, but not including, `end`.
  public init(start: SourceLocation, end: SourceLocation) {
    self.start = start
    self.end = end
  }

  /// An empty range marking a single point.
  public init(at location: SourceLocation) {
    self.init(start: location, end: location)
  }

  /// Whether the range marks a point rather than covering text.
  public var isEmpty: Bool { start.utf8Offset == end.utf8Offset }

  /// The smallest range covering both `self` and `other`.
  public func union(_ other: SourceRange) -> SourceRange {
    SourceRange(start: min(start, other.start), end: max(end, other.end))
  }

  /// The text this range covers in `source`, which must be the string the
  /// range was produced from.
  public func text(in source: String) -> Substring {
    let utf8 = source.utf8
    let clampedStart = min(max(start.utf8Offset, 0), utf8.count)
    let clampedEnd = min(max(end.utf8Offset, clampedStart), utf8.count)
    let lower = utf8.index(utf8.startIndex, offsetBy: clampedStart)
    let upper = utf8.index(lower, offsetBy: clampedEnd - clampedStart)
    return source[lower..<upper]
  }

  /// `1:5-1:9`, or just `1:5` for an empty range.
  public var description: String { isEmpty ? start.description : "\(start)-\(end)" }
}
