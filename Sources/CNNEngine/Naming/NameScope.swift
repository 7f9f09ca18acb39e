/// Keras' per-session object-name counters (`backend.unique_object_name`).
///
/// One scope is one Keras session: every layer and model created without an explicit name takes the
/// next free name for its class, `conv2d`, `conv2d_1`, ...; input layers count from 1 (`input_1`).
/// The counters only ever grow, also when the object that took a name later fails.
public final class NameScope {
  private var counters: [String: Int] = [:]

  public init() {}

  /// The next automatic name for an object whose snake-case class name is `base`.
  public func uniqueName(_ base: String, zeroBased: Bool = true) -> String {
    let used = counters[base, default: 0]
    counters[base] = used + 1
    if zeroBased { return used == 0 ? base : "\(base)_\(used)" }
    return "\(base)_\(used + 1)"
  }

  /// The automatic name for an instance of the Keras class `className`.
  public func uniqueName(forClass className: String) -> String {
    uniqueName(Self.snakeCase(className))
  }

  /// Keras' `to_snake_case`: `Conv2D` -> `conv2d`, `MaxPooling2D` -> `max_pooling2d`, `ReLU` -> `re_lu`.
  public static func snakeCase(_ name: String) -> String {
    // Rule 1: insert "_" between any character and an uppercase letter followed by lowercase/digits.
    let characters = Array(name)
    var first = ""
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if index > 0, character.isUppercase, index + 1 < characters.count,
        isLowerOrDigit(characters[index + 1])
      {
        first.append("_")
      }
      first.append(character)
      index += 1
    }
    // Rule 2: insert "_" between a lowercase letter and an uppercase letter.
    let intermediate = Array(first)
    var second = ""
    for (position, character) in intermediate.enumerated() {
      if position > 0, character.isUppercase, isLowercaseASCII(intermediate[position - 1]) {
        second.append("_")
      }
      second.append(character)
    }
    let lowered = second.lowercased()
    return lowered.hasPrefix("_") ? "private" + lowered : lowered
  }

  private static func isLowerOrDigit(_ character: Character) -> Bool {
    isLowercaseASCII(character) || ("0"..."9").contains(character)
  }

  private static func isLowercaseASCII(_ character: Character) -> Bool {
    ("a"..."z").contains(character)
  }
}
