import Foundation

/// `history.history`: per name (`loss`, metrics, then `val_...`), one value per epoch.
public struct TrainingHistory: Sendable, Equatable {
  public let names: [String]
  public private(set) var values: [[Float]]

  public init(names: [String]) {
    self.names = names
    values = names.map { _ in [] }
  }

  mutating func append(_ epoch: [Float]) {
    for i in names.indices { values[i].append(epoch[i]) }
  }

  public subscript(name: String) -> [Float]? {
    names.firstIndex(of: name).map { values[$0] }
  }

  /// tf-keras' line for a finished epoch with `verbose=2`:
  /// `3/3 - 1s - loss: 1.2530 - accuracy: 0.4000 - 1s/epoch - 493ms/step`; values above 1e-3 with
  /// four decimals, others in exponent form; times as Keras rounds them (Python's `.0f`).
  public static func progressLine(_ report: Trainer.EpochReport, timings: Bool = true) -> String {
    var line = "\(report.steps)/\(report.steps)"
    if timings { line += " - \(pythonRound(report.seconds))s" }
    for (name, value) in report.values {
      line += " - \(name): " + formatValue(value)
    }
    if timings {
      line += " -" + formatTime(report.seconds, unit: "epoch")
      line += " -" + formatTime(report.seconds / Double(max(1, report.steps)), unit: "step")
    }
    return line
  }

  /// Keras 3's line for a finished epoch with `verbose=2`, its logs sorted by name:
  /// `3/3 - 1s - 493ms/step - accuracy: 0.4000 - loss: 1.2530`.
  public static func keras3ProgressLine(_ report: Trainer.EpochReport, timings: Bool = true)
    -> String
  {
    var line = "\(report.steps)/\(report.steps)"
    if timings {
      line += " - \(pythonRound(report.seconds))s -"
      line += formatTime(report.seconds / Double(max(1, report.steps)), unit: "step")
    }
    for (name, value) in report.values.sorted(by: { $0.0 < $1.0 }) {
      line += " - \(name): " + formatValue(value)
    }
    return line
  }

  /// `f"{avg:.4f}"` above 1e-3, `f"{avg:.4e}"` otherwise (the float32 value widened, as NumPy).
  public static func formatValue(_ value: Float) -> String {
    let wide = Double(value)
    if wide > 1e-3 { return String(format: "%.4f", wide) }
    return String(format: "%.4e", wide)
  }

  static func formatTime(_ seconds: Double, unit: String) -> String {
    if seconds >= 1 || seconds == 0 { return " \(pythonRound(seconds))s/\(unit)" }
    if seconds >= 1e-3 { return " \(pythonRound(seconds * 1000))ms/\(unit)" }
    return " \(pythonRound(seconds * 1_000_000))us/\(unit)"
  }

  /// Python's `f"{x:.0f}"`: round half to even.
  static func pythonRound(_ value: Double) -> Int {
    Int(value.rounded(.toNearestOrEven))
  }
}
