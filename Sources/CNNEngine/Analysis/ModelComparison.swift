/// Two or more models side by side: what each costs in parameters, multiply-accumulates and
/// activation memory, where its parameters sit, and how the models compare.
public struct ModelComparison: Sendable, Equatable {
  /// One layer's parameters and their share of its model's total.
  public struct LayerShare: Sendable, Equatable {
    public var name: String
    public var className: String
    public var parameters: Int
    public var share: Double
  }

  /// One model's totals.
  public struct Entry: Sendable, Equatable {
    public var modelName: String
    public var trace: ShapeTrace
    public var trainableParameters: Int
    public var layers: [LayerShare]
    /// Where the head starts: the first layer that turns the spatial map into a vector
    /// (Flatten, global pooling); nil for a model that never does.
    public var headStart: String?
    public var bodyParameters: Int
    public var headParameters: Int
    public var bodyMultiplyAccumulates: Int
    public var headMultiplyAccumulates: Int

    public var parameters: Int { trace.totalParameters }
    public var nonTrainableParameters: Int { parameters - trainableParameters }
    public var multiplyAccumulates: Int { trace.totalMultiplyAccumulates }
    public var activationBytes: Int { trace.totalActivationBytes }
    public var peakActivationBytes: Int { trace.peakActivationBytes }
    /// The layer with the most parameters (the first of equals).
    public var largestLayer: LayerShare? {
      layers.reduce(nil) { best, layer in
        guard let best else { return layer }
        return layer.parameters > best.parameters ? layer : best
      }
    }
  }

  /// The quantities compared.
  public enum Metric: String, Sendable, CaseIterable {
    case parameters
    case multiplyAccumulates = "multiply-accumulates"
    case activationBytes = "activation-memory"
  }

  public var entries: [Entry]

  public init(models: [KerasModel]) throws(AnalysisError) {
    var entries: [Entry] = []
    for model in models {
      guard let summary = try? model.summary() else { throw .notBuilt(model: model.name) }
      entries.append(Self.entry(summary))
    }
    self.entries = entries
  }

  static func entry(_ summary: ModelSummary) -> Entry {
    let total = summary.totalParameters
    let layers = summary.rows.map { row in
      LayerShare(
        name: row.name, className: row.className, parameters: row.parameters,
        share: total > 0 ? Double(row.parameters) / Double(total) : 0)
    }
    let headIndex =
      summary.rows.firstIndex { $0.className == "Flatten" || $0.className.hasPrefix("Global") }
      ?? summary.rows.firstIndex { $0.inputShape.rank >= 3 && $0.outputShape.rank == 2 }
    let split = headIndex ?? summary.rows.count
    let body = summary.rows[..<split]
    let head = summary.rows[split...]
    return Entry(
      modelName: summary.name, trace: ShapeTrace(summary: summary),
      trainableParameters: summary.trainableParameters, layers: layers,
      headStart: headIndex.map { summary.rows[$0].name },
      bodyParameters: body.reduce(0) { $0 + $1.parameters },
      headParameters: head.reduce(0) { $0 + $1.parameters },
      bodyMultiplyAccumulates: body.reduce(0) { $0 + $1.multiplyAccumulates },
      headMultiplyAccumulates: head.reduce(0) { $0 + $1.multiplyAccumulates })
  }

  public func value(_ metric: Metric, of entry: Entry) -> Int {
    switch metric {
    case .parameters: return entry.parameters
    case .multiplyAccumulates: return entry.multiplyAccumulates
    case .activationBytes: return entry.activationBytes
    }
  }

  /// The index of the model with the fewest parameters: ratios are given against it, so that they
  /// read "173.8× the parameters" rather than "0.006×".
  public var baselineIndex: Int {
    entries.indices.min { entries[$0].parameters < entries[$1].parameters } ?? 0
  }

  /// `metric` of entry `index` over that of the baseline model; nil when the baseline's is zero.
  public func ratio(_ metric: Metric, of index: Int) -> Double? {
    let base = value(metric, of: entries[baselineIndex])
    guard base > 0 else { return nil }
    return Double(value(metric, of: entries[index])) / Double(base)
  }
}
