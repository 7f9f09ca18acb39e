/// CPython 3.11's "Did you mean" for a NameError or an AttributeError (`Python/suggestions.c`): the
/// closest candidate by a Levenshtein distance in which a change of case costs half an edit, when
/// no more than about a third of the characters differ. Also used for ConvBook's hints on
/// misspelled layer keywords.
enum NameSuggestion {
  private static let moveCost = 2
  private static let caseCost = 1
  private static let maximumCandidates = 750
  private static let maximumLength = 40

  /// The first group that has a close candidate decides (CPython tries a frame's locals, then its
  /// globals, then the builtins); within a group, the first of the closest in order.
  static func closest(to name: String, inGroups groups: [[String]]) -> String? {
    for group in groups {
      if let found = closest(to: name, among: group) { return found }
    }
    return nil
  }

  static func closest(to name: String, among candidates: [String]) -> String? {
    guard candidates.count < maximumCandidates else { return nil }
    let wrong = Array(name.utf8)
    var best: String?
    var bestDistance = Int.max
    for candidate in candidates where candidate != name {
      let item = Array(candidate.utf8)
      var maximum = (wrong.count + item.count + 3) * moveCost / 6
      maximum = min(maximum, bestDistance - 1)
      let found = distance(wrong[...], item[...], maximum: maximum)
      if found > maximum { continue }
      if best == nil || found < bestDistance {
        best = candidate
        bestDistance = found
      }
    }
    return best
  }

  private static func substitutionCost(_ a: UInt8, _ b: UInt8) -> Int {
    if a & 31 != b & 31 { return moveCost }
    if a == b { return 0 }
    func lower(_ c: UInt8) -> UInt8 { (65...90).contains(c) ? c + 32 : c }
    return lower(a) == lower(b) ? caseCost : moveCost
  }

  private static func distance(
    _ first: ArraySlice<UInt8>, _ second: ArraySlice<UInt8>, maximum: Int
  )
    -> Int
  {
    var a = first
    var b = second
    while let x = a.first, let y = b.first, x == y {
      a = a.dropFirst()
      b = b.dropFirst()
    }
    while let x = a.last, let y = b.last, x == y {
      a = a.dropLast()
      b = b.dropLast()
    }
    if a.isEmpty || b.isEmpty { return (a.count + b.count) * moveCost }
    if a.count > maximumLength || b.count > maximumLength { return maximum + 1 }
    if b.count < a.count { swap(&a, &b) }
    if (b.count - a.count) * moveCost > maximum { return maximum + 1 }
    let short = Array(a)
    var buffer = (0..<short.count).map { ($0 + 1) * moveCost }
    var result = 0
    for (bIndex, code) in b.enumerated() {
      var distance = bIndex * moveCost
      result = distance
      var minimum = Int.max
      for index in short.indices {
        let substitute = distance + substitutionCost(code, short[index])
        distance = buffer[index]
        let insertDelete = min(result, distance) + moveCost
        result = min(insertDelete, substitute)
        buffer[index] = result
        minimum = min(minimum, result)
      }
      if minimum > maximum { return maximum + 1 }
    }
    return result
  }
}
