import Foundation

/// `--memory-budget` values: bytes, or a number with K, M or G (powers of 1024).
public enum MemoryBudgetOption {
  public static func parse(_ text: String) -> Int? {
    let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
    var digits = trimmed
    var factor = 1
    for (suffix, value) in [
      ("KB", 1 << 10), ("MB", 1 << 20), ("GB", 1 << 30), ("K", 1 << 10), ("M", 1 << 20),
      ("G", 1 << 30),
    ]
    where trimmed.hasSuffix(suffix) {
      digits = String(trimmed.dropLast(suffix.count))
      factor = value
      break
    }
    guard let number = Double(digits), number > 0, number * Double(factor) < 9e18 else {
      return nil
    }
    return Int(number * Double(factor))
  }
}
