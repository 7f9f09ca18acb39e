/// A function the host program lends to the cell language, such as the exercise helper
/// `uses(model, "Flatten")`. Bind ``value`` under ``name`` with
/// `KerasSession.evaluate(_:extraNames:)`; calling it from an expression runs ``body``.
///
/// Host functions are how features outside the interpreter add vocabulary to the expressions
/// they evaluate without the interpreter knowing about them.
public struct HostFunction: Equatable {
  /// One call of a host function: the evaluated arguments and where they were written, so the
  /// body can blame the argument at fault.
  public struct Call {
    public var positional: [Value]
    public var keywords: [(String, Value)]
    /// The whole call, `uses(model, "Flatten")`.
    public var range: SourceRange
    /// Each written argument, in order (keywords included).
    public var argumentRanges: [SourceRange]

    public init(
      positional: [Value], keywords: [(String, Value)], range: SourceRange,
      argumentRanges: [SourceRange]
    ) {
      self.positional = positional
      self.keywords = keywords
      self.range = range
      self.argumentRanges = argumentRanges
    }

    /// Where positional argument `index` was written, or the whole call.
    public func rangeOfArgument(_ index: Int) -> SourceRange {
      index < argumentRanges.count ? argumentRanges[index] : range
    }
  }

  /// The name the function is bound to, used in messages (`uses() takes ...`).
  public let name: String
  let body: (Call) throws(CellError) -> Value

  public init(name: String, body: @escaping (Call) throws(CellError) -> Value) {
    self.name = name
    self.body = body
  }

  /// The function as a value of the cell language, ready to bind.
  public var value: Value { .function(Callable(.host(self), path: name)) }

  func call(_ call: Call) throws(CellError) -> Value { try body(call) }

  /// Closures cannot be compared, and a name stands for one function wherever it is bound.
  public static func == (lhs: HostFunction, rhs: HostFunction) -> Bool { lhs.name == rhs.name }
}
