/// What running one cell produced: its outputs up to the point it stopped, and the error if any.
public struct CellResult: Sendable, Equatable {
  public var outputs: [CellOutput]
  public var error: CellError?

  public init(outputs: [CellOutput] = [], error: CellError? = nil) {
    self.outputs = outputs
    self.error = error
  }

  /// Everything the cell printed, as a terminal would show it.
  public func printed(footer: SummaryFooterStyle = .classic) -> String {
    outputs.map { $0.text(footer: footer) }.joined()
  }
}
