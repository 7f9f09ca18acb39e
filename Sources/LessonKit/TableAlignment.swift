/// How a pipe-table column is aligned, from the colons of its delimiter cell.
public enum TableAlignment: Sendable, Hashable {
  /// `---`: left to the stylesheet.
  case none
  /// `:---`
  case left
  /// `:---:`
  case center
  /// `---:`
  case right
}
