/// Hands out `id` attribute values for headings: a slug of the heading text, made unique
/// among the ids handed out so far by appending `-1`, `-2`, ….
public struct HeadingIDs: Sendable {
  private var used: Set<String> = []
  /// Per slug, the suffix its last id took (0 for the bare slug).
  private var nextSuffix: [String: Int] = [:]

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
    // The search for a free suffix starts where the last one for this slug ended (ids are only
    // ever added, so no lower suffix frees up): 50,000 headings reading the same made the search
    // from 1 quadratic, minutes for one lesson.
    var suffix = nextSuffix[slug] ?? 0
    var candidate = suffix == 0 ? slug : "\(slug)-\(suffix)"
    while used.contains(candidate) {
      suffix += 1
      candidate = "\(slug)-\(suffix)"
    }
    nextSuffix[slug] = suffix
    used.insert(candidate)
    return candidate
  }
}
