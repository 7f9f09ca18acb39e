/// NumPy's print options as `np.set_printoptions(precision=..., suppress=...)` sets them for the
/// rest of a script: the digits after the point of floats in arrays (`maxprec` mode, 8 by default)
/// and whether small values stay positional instead of switching the array to scientific notation.
/// NumPy keeps them per process; ConvBook keeps them per session (`KerasSession`) and binds the
/// session's while its cells run (`current`), so that sessions running side by side (tests, a site
/// build) never see each other's. A session's options are read and written only by the thread
/// running its cell, hence `@unchecked Sendable`.
public final class NumPyPrintOptions: @unchecked Sendable {
  var precision = 8
  var suppress = false

  public init() {}

  /// NumPy's defaults, where no session's cell runs; never changed.
  static let defaults = NumPyPrintOptions()

  /// The options of the session whose cell runs on this thread (NumPy's defaults elsewhere).
  @TaskLocal static var current = defaults
}
