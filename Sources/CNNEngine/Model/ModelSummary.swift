/// What `model.summary()` reports, as data: one row per layer (the input layer only for functional
/// models),
/// with parameters split as Keras splits them, plus multiply-accumulates and activation sizes.
public struct ModelSummary: Sendable, Equatable {
  public struct Row: Sendable, Equatable {
    public var name: String
    public var className: String
    public var inputShape: TensorShape
    public var outputShape: TensorShape
    public var weights: [WeightSpec]
    /// Per sample; see `Layer.multiplyAccumulates`.
    public var multiplyAccumulates: Int
    /// The input layer of a functional model, which Keras lists first, its shape as a list:
    /// `[(None, 28, 28, 1)]`.
    public var isInputLayer = false
    /// In a graph's summary: the inputs of the layer's calls inside the model, in call order.
    public var connections: [Connection] = []
    /// A layer called several times with different output shapes (Keras prints `multiple`).
    public var hasMultipleOutputShapes = false
    /// False for a layer of a model that was never built that Keras 3 lists with `0 (unbuilt)`.
    /// Rows of such a model have empty shapes (`?`) and no weights.
    public var isBuilt = true
    /// `layer.trainable` (a summary's `Trainable` column).
    public var trainable = true
    /// A layer of a graph whose call returns a scalar (`tf.reduce_mean(x)` in a custom layer or a
    /// Lambda): its empty output shape is known, which Keras 3 shows as `()`, not as `?`.
    public var outputIsScalar = false
    /// For a model used as a layer: the rows of its own summary (what `expand_nested` shows).
    public var nestedRows: [Row] = []
    /// A Keras 3 operation on Keras tensors (`x + y`, `ops.nn.relu(x)`): a row of its model's
    /// graph that is no layer, so not one of `model.layers` (what `expand_nested` lists).
    public var isKeras3Operation = false
    /// For a model used as a layer and called on sizes its input left open: what its last call
    /// returned, which Keras 3's row shows (tf-keras' shows the model's own output shape).
    public var lastCallOutputShape: TensorShape?
    /// In a graph's summary: how many times the layer is called inside the model. A shared layer
    /// computes on every call: `multiplyAccumulates` counts them all.
    public var callCount = 1
    /// With several calls: the values of one sample of each call's outputs (nil when a size is
    /// unknown), each call's tensors held apart.
    public var callOutputValues: [Int]?

    public init(
      name: String, className: String, inputShape: TensorShape, outputShape: TensorShape,
      weights: [WeightSpec], multiplyAccumulates: Int, isInputLayer: Bool = false,
      hasMultipleOutputShapes: Bool = false, isBuilt: Bool = true
    ) {
      self.name = name
      self.className = className
      self.inputShape = inputShape
      self.outputShape = outputShape
      self.weights = weights
      self.multiplyAccumulates = multiplyAccumulates
      self.isInputLayer = isInputLayer
      self.hasMultipleOutputShapes = hasMultipleOutputShapes
      self.isBuilt = isBuilt
    }

    /// A layer whose call returns several tensors: their shapes (`outputShape` is the first).
    public var outputShapes: [TensorShape]?
    /// Whether those come as a tuple (`MultiHeadAttention`'s output and scores), not a list.
    public var outputsAsTuple = false
    /// Keras 3: the row of a functional model with several outputs that a subclassed model
    /// called; it shows the outputs of the node the model was built with, a tuple.
    public var keras3ShowsOutputTuple = false
    /// A nested model whose outputs were given as a dict: its keys, in the order given, and each
    /// key's shape (tf-keras prints the dict).
    public var outputsByKey: [KeyedShape]?

    public struct KeyedShape: Sendable, Equatable {
      public var key: String
      public var shape: TensorShape
    }

    /// The output shape as the summary prints it: Python's str of the shape, of the list (or
    /// tuple) of shapes of a layer with several outputs.
    public var outputShapeText: String {
      if hasMultipleOutputShapes { return "multiple" }
      if let outputsByKey {
        let items = outputsByKey.map { "\(PythonFormat.quoted($0.key)): \($0.shape)" }
        return "{" + items.joined(separator: ", ") + "}"
      }
      if let outputShapes {
        let items = outputShapes.map(\.description).joined(separator: ", ")
        return outputsAsTuple ? "(\(items))" : "[\(items)]"
      }
      return isInputLayer ? "[\(outputShape)]" : outputShape.description
    }

    public var parameters: Int { weights.reduce(0) { $0 + $1.count } }
    public var trainableParameters: Int { weights.filter(\.trainable).reduce(0) { $0 + $1.count } }
    public var nonTrainableParameters: Int { parameters - trainableParameters }
    /// Values in one sample of the output (nil when a dimension is unknown).
    public var outputValues: Int? { outputShape.valuesPerSample }
    /// float32 bytes of one sample of the output.
    public var activationBytes: Int? { outputValues.map { $0 * 4 } }
  }

  public var name: String
  public var inputLayerName: String
  public var inputShape: TensorShape
  public var rows: [Row]
  /// Whether the model is a graph that is not a chain: Keras then adds the `Connected to` column.
  public var showsConnections = false
  /// What the `summary(...)` call asked to be shown.
  public var options = Options()
  /// The Keras package whose text the summary is, when it is not the one of the format that prints
  /// it: a tf-keras model (`tf_keras`) in a Keras 3 script prints tf-keras' classic table.
  public var kerasVersion: KerasVersion?

  /// The arguments of `model.summary(...)` that change what is printed (nil: Keras' default).
  public struct Options: Sendable, Equatable {
    public var lineLength: Int?
    /// Relative (all <= 1) or absolute column ends.
    public var positions: [Double]?
    public var expandNested = false
    public var showTrainable = false
    /// `layer_range=`: the rows shown (indices into `rows`), resolved from the names given; nil
    /// shows every row. The totals count the whole model either way.
    public var rowRange: Range<Int>?

    public init(
      lineLength: Int? = nil, positions: [Double]? = nil, expandNested: Bool = false,
      showTrainable: Bool = false
    ) {
      self.lineLength = lineLength
      self.positions = positions
      self.expandNested = expandNested
      self.showTrainable = showTrainable
    }
  }

  public init(name: String, inputLayerName: String, inputShape: TensorShape, rows: [Row]) {
    self.name = name
    self.inputLayerName = inputLayerName
    self.inputShape = inputShape
    self.rows = rows
  }

  /// Keras 3: the variables of the model's optimizer once it is built (trained at least one
  /// step), which its footer adds to `Total params` and shows as `Optimizer params`.
  public var optimizerParameters: OptimizerParameters?

  public struct OptimizerParameters: Sendable, Equatable {
    public var count: Int
    public var bytes: Int

    public init(count: Int, bytes: Int) {
      self.count = count
      self.bytes = bytes
    }
  }

  /// Weights that more than one row shows (a layer inside a nested model and in the outer graph
  /// too), past their first row: the totals count every weight once, as Keras does.
  public var repeatedWeights: [WeightSpec] = []

  /// Weights the totals count that no row shows: the variables of the `keras.metrics` objects a
  /// tf-keras subclassed model holds (`loss_tracker = keras.metrics.Mean()`), which tf-keras
  /// tracks as the model's own.
  public var unlistedWeights: [WeightSpec] = []

  /// The rows the summary prints (`options.rowRange`).
  public var shownRows: ArraySlice<Row> {
    guard let range = options.rowRange else { return rows[...] }
    return rows[range.clamped(to: rows.indices)]
  }

  public var outputShape: TensorShape { rows.last?.outputShape ?? inputShape }
  public var totalParameters: Int {
    rows.reduce(0) { $0 + $1.parameters } - repeatedWeights.reduce(0) { $0 + $1.count }
      + unlistedWeights.reduce(0) { $0 + $1.count }
  }
  public var trainableParameters: Int {
    rows.reduce(0) { $0 + $1.trainableParameters }
      - repeatedWeights.filter(\.trainable).reduce(0) { $0 + $1.count }
      + unlistedWeights.filter(\.trainable).reduce(0) { $0 + $1.count }
  }
  public var nonTrainableParameters: Int { totalParameters - trainableParameters }
  public var totalMultiplyAccumulates: Int { rows.reduce(0) { $0 + $1.multiplyAccumulates } }
}
