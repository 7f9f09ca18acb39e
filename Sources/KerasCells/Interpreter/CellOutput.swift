import CNNEngine

/// One piece of what a cell printed, in order.
public enum CellOutput: Sendable, Equatable {
  /// Text written by `print(...)`, newline included.
  case text(String)
  /// `model.summary()`: kept as data so that pages can show more than text; `KerasSummaryText`
  /// renders exactly what Keras prints.
  case summary(ModelSummary)

  /// The output as a terminal shows it.
  public func text(footer: SummaryFooterStyle) -> String {
    switch self {
    case .text(let text): return text
    case .summary(let summary): return KerasSummaryText.render(summary, footer: footer)
    }
  }
}
