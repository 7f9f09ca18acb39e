/// A model's data path, layer by layer: what each tensor looks like, what it costs to hold, and
/// what each layer costs in parameters and multiply-accumulates. The steps where the count of
/// values or of parameters jumps are marked, because that is where a reader should look. After
/// `measure`, each step also carries what a real forward pass put in its tensor.
public struct ShapeTrace: Sendable, Equatable {
  /// Why a step stands out.
  public enum Mark: String, Sendable, Equatable {
    /// The layer holds most of the model's parameters, at least ten times more than any layer
    /// before it (a Dense layer reading a flattened map).
    case parameterJump = "parameter-jump"
    /// The layer outputs at least ten times more values than it receives.
    case valueJump = "value-jump"
    /// A spatial map becomes one long vector: the layout of the map is gone from here on.
    case flattensLayout = "flattens-layout"
  }

  /// One tensor of the path: the model's input, or one layer's output.
  public struct Step: Sendable, Equatable {
    public var name: String
    public var className: String
    /// The (first) output's shape.
    public var outputShape: TensorShape
    /// Every output's shape, for a layer or nested model with several outputs; nil otherwise.
    public var outputShapes: [TensorShape]?
    /// Values in one sample of the output (of all outputs); nil when a dimension is unknown.
    public var values: Int?
    public var parameters: Int
    public var multiplyAccumulates: Int
    public var marks: [Mark]
    /// For a parameter jump: parameters over the largest count of any earlier layer.
    public var parameterGrowth: Double?
    /// For a value jump: values over those of the previous step.
    public var valueGrowth: Double?
    /// What the tensor held in the measured pass; nil for a shape-only trace.
    public var statistics: ActivationStatistics?
    /// Wall-clock seconds of the layer in that pass. Only the terminal shows it: pages must come
    /// out byte-identical from build to build.
    public var seconds: Double?

    /// For a model used as a layer: the values of every tensor its layers make (nested models
    /// included, its output among them) and of the largest one; for a layer called several
    /// times, of every call's outputs; nil for a plain layer or when a size is unknown.
    public var innerValues: InnerValues?
    /// How many times the layer is called in the model: its multiply-accumulates and activation
    /// count every call.
    public var calls = 1
    /// Whether the step is a model used as a layer (its activation counts the tensors inside).
    public var isModel = false

    public var isInput: Bool { className == "InputLayer" }
    /// The output shape as Keras prints it: one shape, or the list of every output's.
    public var outputShapeText: String {
      guard let outputShapes else { return outputShape.description }
      return "[" + outputShapes.map(\.description).joined(separator: ", ") + "]"
    }
    /// The shape of one sample of each output (`(8, 8, 4), (3, 3, 2)`).
    public var sampleShapeText: String {
      (outputShapes ?? [outputShape]).map(AnalysisFormat.sampleShape).joined(separator: ", ")
    }
    /// float32 bytes of one sample of the output; for a nested model, of every tensor inside it,
    /// which a training step keeps too.
    public var activationBytes: Int? { (innerValues?.all ?? values).map { $0 * 4 } }
    /// float32 bytes of the largest single tensor of the step.
    public var largestTensorBytes: Int? { (innerValues?.largest ?? values).map { $0 * 4 } }
  }

  /// Values of the tensors inside a nested model: all of them, and the largest one.
  public struct InnerValues: Sendable, Equatable {
    public var all: Int
    public var largest: Int
  }

  /// The values of the tensors the layers of a nested model's rows make (an input row makes none:
  /// its tensor is the one the model is called on), recursively; nil when a size is unknown.
  static func innerValues(_ rows: [ModelSummary.Row]) -> InnerValues? {
    var all = 0
    var largest = 0
    for row in rows where !row.isInputLayer {
      let values: InnerValues
      if row.nestedRows.isEmpty {
        guard let output = row.outputValues else { return nil }
        values = InnerValues(all: output, largest: output)
      } else {
        guard let inner = innerValues(row.nestedRows) else { return nil }
        values = inner
      }
      all += values.all
      largest = max(largest, values.largest)
    }
    return InnerValues(all: all, largest: largest)
  }

  /// The factor a step must exceed to count as a jump.
  public static let jumpFactor = 10.0

  public var modelName: String
  /// The input first, then every layer in order.
  public var steps: [Step]
  /// How the statistics were measured, or why they could not be; nil when no pass was asked for.
  public var measurement: TraceMeasurement?

  public init(modelName: String, steps: [Step], measurement: TraceMeasurement? = nil) {
    self.modelName = modelName
    self.steps = steps
    self.measurement = measurement
  }

  /// Traces a built model; the shapes are those Keras' summary reports.
  public init(model: KerasModel) throws(AnalysisError) {
    guard let summary = try? model.summary() else { throw .notBuilt(model: model.name) }
    self.init(summary: summary)
  }

  public init(summary: ModelSummary) {
    modelName = summary.name
    measurement = nil
    let inputValues = summary.inputShape.valuesPerSample
    var steps = [
      Step(
        name: summary.inputLayerName, className: "InputLayer", outputShape: summary.inputShape,
        values: inputValues, parameters: 0, multiplyAccumulates: 0, marks: [])
    ]
    let total = summary.totalParameters
    var largestEarlier = 0
    var previousValues = inputValues
    // A functional model's summary lists its InputLayer as a row too: that tensor is step 0, and
    // the other inputs of a model with several are steps of their own.
    for row in summary.rows where !row.isInputLayer || row.name != summary.inputLayerName {
      if row.isInputLayer {
        steps.append(
          Step(
            name: row.name, className: "InputLayer", outputShape: row.outputShape,
            values: row.outputShape.valuesPerSample, parameters: 0, multiplyAccumulates: 0,
            marks: []))
        continue
      }
      var outputValues = row.outputValues
      var step = Step(
        name: row.name, className: row.className, outputShape: row.outputShape,
        values: outputValues,
        parameters: row.parameters, multiplyAccumulates: row.multiplyAccumulates, marks: [])
      if let shapes = row.outputShapes, shapes.count > 1 {
        // Every output counts (a feature extractor's several maps, `return_state`'s states).
        step.outputShapes = shapes
        let counts = shapes.map(\.valuesPerSample)
        outputValues =
          counts.contains(where: { $0 == nil })
          ? nil : counts.reduce(0) { $0 + $1! }
        step.values = outputValues
      }
      if !row.nestedRows.isEmpty {
        step.isModel = true
        step.innerValues = Self.innerValues(row.nestedRows)
      }
      if row.callCount > 1 {
        // Every call's tensors: a nested model's inside each call, a layer's outputs.
        step.calls = row.callCount
        if let inner = step.innerValues {
          let (all, overflow) = inner.all.multipliedReportingOverflow(by: row.callCount)
          step.innerValues = overflow ? nil : InnerValues(all: all, largest: inner.largest)
        } else if let calls = row.callOutputValues, let largest = calls.max() {
          var all: Int? = 0
          for values in calls {
            guard let running = all else { break }
            let (next, overflow) = running.addingReportingOverflow(values)
            all = overflow ? nil : next
          }
          step.innerValues = all.map { InnerValues(all: $0, largest: largest) }
        }
      }
      if row.inputShape.rank >= 3 && row.outputShape.rank == 2 && row.className == "Flatten" {
        step.marks.append(.flattensLayout)
      }
      if largestEarlier > 0, Double(row.parameters) >= Self.jumpFactor * Double(largestEarlier),
        row.parameters >= total - row.parameters
      {
        step.marks.append(.parameterJump)
        step.parameterGrowth = Double(row.parameters) / Double(largestEarlier)
      }
      if let before = previousValues, let after = outputValues, before > 0,
        Double(after) >= Self.jumpFactor * Double(before)
      {
        step.marks.append(.valueJump)
        step.valueGrowth = Double(after) / Double(before)
      }
      largestEarlier = max(largestEarlier, row.parameters)
      previousValues = outputValues
      steps.append(step)
    }
    self.steps = steps
  }

  public var totalParameters: Int { steps.reduce(0) { $0 + $1.parameters } }
  public var totalMultiplyAccumulates: Int { steps.reduce(0) { $0 + $1.multiplyAccumulates } }
  /// float32 bytes of every tensor of the path for one sample, input included: what a training
  /// step keeps in memory for the backward pass.
  public var totalActivationBytes: Int { steps.reduce(0) { $0 + ($1.activationBytes ?? 0) } }
  /// The largest single tensor of the path (inside nested models too).
  public var peakActivationBytes: Int { steps.compactMap(\.largestTensorBytes).max() ?? 0 }
  /// Whether the steps carry measured statistics.
  public var isMeasured: Bool {
    measurement?.failure == nil && steps.contains { $0.statistics != nil }
  }
}
