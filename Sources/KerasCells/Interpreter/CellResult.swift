/// What running one cell produced: its outputs up to the point it stopped, and the error if any.
public struct CellResult: Sendable, Equatable {
  public var outputs: [CellOutput]
  public var error: CellError?
  /// Warnings Keras issued (for standard error), each the first from its place in Keras' code, as
  /// Python's default warning filter shows them once per process.
  public var warnings: [KerasWarning]
  /// How a script ended by `sys.exit` with a failure status: the status and what Python writes
  /// to standard error (`sys.exit("message")` writes the message, status 1).
  public var exit: ScriptExit?

  public struct ScriptExit: Sendable, Equatable {
    public var status: Int
    public var message: String?
  }

  public init(
    outputs: [CellOutput] = [], error: CellError? = nil, warnings: [KerasWarning] = [],
    exit: ScriptExit? = nil
  ) {
    self.outputs = outputs
    self.error = error
    self.warnings = warnings
    self.exit = exit
  }

  /// Everything the cell printed, with summaries as tf-keras 2 prints them.
  public func printed(footer: SummaryFooterStyle = .default) -> String {
    printed(format: .keras2(footer: footer))
  }

  /// Everything the cell printed, with summaries in the given format.
  public func printed(format: SummaryFormat) -> String {
    outputs.map { $0.text(format: format) }.joined()
  }
}
