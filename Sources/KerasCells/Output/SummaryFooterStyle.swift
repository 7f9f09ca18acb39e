/// How the last lines of `model.summary()` count parameters.
public enum SummaryFooterStyle: String, Sendable, CaseIterable {
  /// Older Keras 2: `Total params: 11,574,090`.
  case classic
  /// tf-keras 2.13 and later: `Total params: 11574090 (44.15 MB)`.
  case modern
}
