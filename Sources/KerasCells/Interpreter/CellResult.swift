/// What running one cell produced: its outputs up to the point it stopped, and the error if any.
public struct CellResult: Sendable, Equatable {
  public var outputs: [CellOutput]
  public var error: CellError?
  /// Warnings Keras issued (for standard error), each the first from its place in Keras' code, as
  /// Python's default warning filter shows them once per process.
  public var warnings: [KerasWarning]

  public init(outputs: [CellOutput] = [], error: CellError? = nil, warnings: [KerasWarning] = []) {
    self.outputs = outputs
    self.error = error
    self.warnings = warnings
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
