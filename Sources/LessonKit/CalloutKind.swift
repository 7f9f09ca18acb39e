/// The kinds of GitHub-style callout: a block quote whose first line is `[!NOTE]`, `[!TIP]`,
/// `[!IMPORTANT]`, `[!WARNING]` or `[!CAUTION]` (any letter case).
public enum CalloutKind: String, Sendable, Hashable, CaseIterable {
  case note
  case tip
  case important
  case warning
  case caution

  /// The heading a page shows for it: `Note`, `Tip`, ….
  public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}
