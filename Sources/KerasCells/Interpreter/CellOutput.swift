import CNNEngine

/// One piece of what a cell printed, in order.
public enum CellOutput: Sendable, Equatable {
  /// Text written by `print(...)`, newline included.
  case text(String)
  /// `model.summary()`: kept as data so that pages can show more than text; `KerasSummaryText`
  /// renders exactly what Keras prints.
  case summary(ModelSummary)
  /// Text written to standard error (`print(..., file=sys.stderr)`, `logging`), newline included.
  case standardError(String)

  /// The output as printed in the given format (standard output: nothing for standard error).
  public func text(format: SummaryFormat) -> String {
    switch self {
    case .text(let text): return text
    case .summary(let summary): return format.render(summary)
    case .standardError: return ""
    }
  }

  /// What the output wrote to standard error.
  public var standardErrorText: String? {
    if case .standardError(let text) = self { return text }
    return nil
  }

  /// The output as tf-keras 2 prints it, with the given footer.
  public func text(footer: SummaryFooterStyle) -> String { text(format: .keras2(footer: footer)) }
}
