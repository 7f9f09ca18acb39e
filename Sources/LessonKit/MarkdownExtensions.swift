/// The additions to CommonMark that lessons may use. Plain CommonMark (no extensions) renders
/// exactly as cmark does; each extension only changes input that has its own syntax.
public struct MarkdownExtensions: OptionSet, Sendable, Hashable {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }

  /// GitHub-style pipe tables: a paragraph line of cells followed by a delimiter row
  /// (`| --- | :-: |`); rows continue to the end of the paragraph.
  public static let tables = MarkdownExtensions(rawValue: 1 << 0)
  /// `$TeX$` and `$$TeX$$` in paragraphs, headings and table cells, outside code spans. An
  /// opening `$` must not be followed by a space, a closing one not preceded by a space nor
  /// followed by a digit (so `$5 and $10` stays text); `\$` is a literal dollar.
  public static let math = MarkdownExtensions(rawValue: 1 << 1)
  /// `> [!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`, `[!CAUTION]` block quotes.
  public static let callouts = MarkdownExtensions(rawValue: 1 << 2)

  /// Everything lessons use.
  public static let lesson: MarkdownExtensions = [.tables, .math, .callouts]
}
