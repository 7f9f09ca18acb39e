/// What running one cell produced: its outputs up to the point it stopped, and the error if any.
public struct CellResult: Sendable, Equatable {
  public var outputs: [CellOutput]
  public var error: CellError?

  public init(outputs: [CellOutput] = [], error: CellError? = nil) {
    self.outputs = outputs
    self.error = error
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
