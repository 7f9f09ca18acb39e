/// Generates random but well-formed lessons exercising every construct whose positions cmark
/// reports oddly: continuation lines, block quotes, lists, reference definitions, headings,
/// fences, raw HTML, non-ASCII text. Every word is unique, so tests can look each one up.
struct LessonGenerator {
  private var random: SplitMix64
  private var counter = 0
  /// Every word put into the lesson, in order.
  private(set) var words: [String] = []

  init(seed: UInt64) { random = SplitMix64(seed: seed) }

  private static let lazyMark = "\u{1}"
  private static let stems = ["word", "Über", "naïve", "日本", "🧠", "e\u{301}t", "x_y", "tab"]

  private mutating func pick<T>(_ options: [T]) -> T { options.randomElement(using: &random)! }
  private mutating func chance(_ percent: Int) -> Bool {
    Int.random(in: 0..<100, using: &random) < percent
  }

  mutating func word() -> String {
    counter += 1
    let word = pick(Self.stems) + String(counter)
    words.append(word)
    return word
  }

  private mutating func inline() -> String {
    switch Int.random(in: 0..<10, using: &random) {
    case 0: return "*\(word())*"
    case 1: return "**\(word()) \(word())**"
    case 2: return "`\(word())`"
    case 3: return "`{keras} \(word()).shape`"
    case 4: return "[\(word())](/url-\(word()) \"\(word())\")"
    case 5: return "<span>\(word())</span>"
    case 6: return "![\(word())](img.png)"
    default: return word()
    }
  }

  private mutating func inlineLine() -> String {
    (0..<Int.random(in: 1...4, using: &random)).map { _ in inline() }.joined(separator: " ")
  }

  private mutating func paragraph() -> [String] {
    var lines: [String] = []
    if chance(20) {
      // A definition is not content (it vanishes unless used); it only shifts cmark's lines.
      lines.append("[ref\(counter)]: /target")
    }
    lines.append(inlineLine())
    for _ in 0..<Int.random(in: 0...3, using: &random) {
      // Marked so that enclosing quotes and lists may leave it lazy (without their prefix).
      lines.append(Self.lazyMark + pick(["", " ", "  ", "   ", "\t"]) + inlineLine())
    }
    return lines
  }

  private mutating func fence() -> [String] {
    let marker = pick(["```", "~~~", "````"])
    let indent = String(repeating: " ", count: Int.random(in: 0...3, using: &random))
    let info = pick(["keras", "keras hide-code", "python", "", "exercise", "figure"])
    var lines = [indent + marker + info]
    for _ in 0..<Int.random(in: 0...3, using: &random) {
      lines.append(indent + word() + " = " + word())
    }
    lines.append(indent + marker)
    return lines
  }

  mutating func block(depth: Int = 0) -> [String] {
    switch Int.random(in: 0..<(depth < 3 ? 10 : 7), using: &random) {
    case 0:
      return [
        String(repeating: "#", count: Int.random(in: 1...6, using: &random)) + " " + inlineLine()
      ]
    case 1: return [inlineLine(), "  " + inlineLine(), pick(["===", "---"])]
    case 2: return fence()
    case 3: return ["<div class=\"note\">", word(), "</div>"]
    case 4: return ["***"]
    case 7:
      // A block quote; its content is separated from what follows by a blank line.
      let inner = blocks(depth: depth + 1)
      return inner.map { line in
        if line.isEmpty { return ">" }
        if line.hasPrefix(Self.lazyMark) && chance(30) { return line }
        return pick(["> ", ">", ">\t"]) + line
      } + [""]
    case 8, 9:
      let ordered = chance(50)
      var lines: [String] = []
      for number in 1...Int.random(in: 1...3, using: &random) {
        let marker = ordered ? "\(number). " : "- "
        let padding = String(repeating: " ", count: marker.count)
        for (index, line) in blocks(depth: depth + 1).enumerated() {
          if index == 0 {
            lines.append(marker + line)
          } else if line.isEmpty || line.hasPrefix(Self.lazyMark) && chance(30) {
            lines.append(line)
          } else {
            lines.append(padding + line)
          }
        }
      }
      return lines + [""]
    default: return paragraph()
    }
  }

  private mutating func blocks(depth: Int) -> [String] {
    var lines: [String] = []
    for index in 0..<Int.random(in: 1...3, using: &random) {
      if index > 0 { lines.append("") }
      lines += block(depth: depth)
    }
    return lines
  }

  /// A whole lesson, with `\n` or `\r\n` line endings.
  mutating func lesson() -> String {
    var lines: [String] = []
    for _ in 0..<Int.random(in: 1...8, using: &random) {
      lines += block()
      lines.append("")
    }
    return lines.joined(separator: chance(20) ? "\r\n" : "\n").replacing(Self.lazyMark, with: "")
  }
}
