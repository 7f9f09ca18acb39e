/// A module path such as `tensorflow.keras.layers`.
public struct DottedName: Hashable, Sendable, CustomStringConvertible {
  /// The names between the dots, outermost package first.
  public var components: [String]
  /// The whole dotted path.
  public var range: SourceRange

  /// Creates a path.
  public init(components: [String], range: SourceRange) {
    self.components = components
    self.range = range
  }

  /// The path as written, e.g. `tensorflow.keras`.
  public var description: String { components.joined(separator: ".") }
}
