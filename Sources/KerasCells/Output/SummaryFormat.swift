import CNNEngine

/// How `model.summary()` is printed: which Keras' text, and what that text depends on (the footer
/// style of tf-keras 2; the console of Keras 3).
public struct SummaryFormat: Sendable, Equatable {
  public var kerasVersion: KerasVersion
  /// tf-keras 2 only: `Total params: 11,574,090` or `Total params: 11574090 (44.15 MB)`.
  public var footer: SummaryFooterStyle
  /// Keras 3 only: width and styles.
  public var console: SummaryConsole

  public init(
    kerasVersion: KerasVersion = .default, footer: SummaryFooterStyle = .default,
    console: SummaryConsole = .notATerminal
  ) {
    self.kerasVersion = kerasVersion
    self.footer = footer
    self.console = console
  }

  /// tf-keras 2's text with the given footer.
  public static func keras2(footer: SummaryFooterStyle = .default) -> SummaryFormat {
    SummaryFormat(kerasVersion: .keras2, footer: footer)
  }

  /// Keras 3's text on the given console (a pipe or a page by default: 76 wide, no styles).
  public static func keras3(console: SummaryConsole = .notATerminal) -> SummaryFormat {
    SummaryFormat(kerasVersion: .keras3, console: console)
  }

  /// The same format for another Keras version (a lesson or a cell that names its own).
  public func with(kerasVersion: KerasVersion) -> SummaryFormat {
    var copy = self
    copy.kerasVersion = kerasVersion
    return copy
  }

  /// The summary as this Keras prints it (or as the package that made the model prints it, where
  /// the summary names one).
  public func render(_ summary: ModelSummary) -> String {
    switch summary.kerasVersion ?? kerasVersion {
    case .keras2: return KerasSummaryText.render(summary, footer: footer)
    case .keras3: return Keras3SummaryText.render(summary, console: console)
    }
  }
}
