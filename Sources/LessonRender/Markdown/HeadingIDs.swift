/// Hands out `id` attribute values for headings: a slug of the heading text, made unique
/// among the ids handed out so far by appending `-1`, `-2`, ….
public struct HeadingIDs: Sendable {
  private var used: Set<String> = []

  /// Creates a generator that has handed out no ids yet.
  public init() {}

  /// A new id for a heading reading `text`: lowercased letters and digits, with runs of
  /// anything else turned into single `-`; `section` when nothing is left.
  public mutating func id(for text: String) -> String {
    var slug = ""
    var pendingHyphen = false
    for character in text.lowercased() {
      if character.isLetter || character.isNumber {
        if pendingHyphen && !slug.isEmpty { slug.append("-") }
        pendingHyphen = false
        slug.append(character)
      } else if character.isWhitespace || character == "-" || character == "_" {
        pendingHyphen = true
      }
    }
    if slug.isEmpty { slug = "section" }
    var candidate = slug
    var suffix = 0
    while used.contains(candidate) {
      suffix += 1
      candidate = "\(slug)-\(suffix)"
    }
    used.insert(candidate)
    return candidate
  }
}
