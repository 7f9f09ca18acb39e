/// How the last lines of `model.summary()` count parameters.
public enum SummaryFooterStyle: String, Sendable, CaseIterable {
  /// Older Keras 2: `Total params: 11,574,090`.
  case classic
  /// tf-keras 2.13 and later: `Total params: 11574090 (44.15 MB)`.
  case modern

  /// What `model.summary()` prints in tf-keras 2.21, the Keras 2 that ConvBook imitates; the
  /// classic footer is there for material written with older Keras (`footer: classic`).
  public static let `default`: SummaryFooterStyle = .modern
}
