/// Every layer class ConvBook knows, by Keras name, with its constructor signature; and the one place
/// where a layer is created from call arguments, the way Keras' `Layer.__init__` does it.
public enum LayerCatalog {
  public struct Entry: Sendable {
    public var signature: LayerSignature
    public var make: @Sendable (LayerCommon) throws(KerasError) -> any Layer
  }

  /// Keras' exported aliases: the same class under another name (`MaxPool2D` is `MaxPooling2D`).
  public static let aliases: [String: String] = {
    var aliases: [String: String] = [:]
    for rank in 1...3 {
      aliases["Convolution\(rank)D"] = "Conv\(rank)D"
      aliases["MaxPool\(rank)D"] = "MaxPooling\(rank)D"
      aliases["AvgPool\(rank)D"] = "AveragePooling\(rank)D"
      aliases["GlobalAvgPool\(rank)D"] = "GlobalAveragePooling\(rank)D"
      aliases["GlobalMaxPool\(rank)D"] = "GlobalMaxPooling\(rank)D"
      aliases["Convolution\(rank)DTranspose"] = "Conv\(rank)DTranspose"
    }
    aliases["SeparableConvolution1D"] = "SeparableConv1D"
    aliases["SeparableConvolution2D"] = "SeparableConv2D"
    return aliases
  }()

  public static let entries: [String: Entry] = {
    var entries: [String: Entry] = [:]
    func add(
      _ signature: LayerSignature,
      _ make: @escaping @Sendable (LayerCommon) throws(KerasError) -> any Layer
    ) {
      entries[signature.className] = Entry(signature: signature, make: make)
    }
    for rank in 1...3 {
      add(Conv.signature(rank: rank)) { common throws(KerasError) in try Conv(rank: rank, common) }
      add(ConvTranspose.signature(rank: rank)) { common throws(KerasError) in
        try ConvTranspose(rank: rank, common)
      }
      for kind in [Pooling.Kind.max, .average] {
        add(Pooling.signature(kind: kind, rank: rank)) { common throws(KerasError) in
          try Pooling(kind: kind, rank: rank, common)
        }
        add(GlobalPooling.signature(kind: kind, rank: rank)) { common throws(KerasError) in
          try GlobalPooling(kind: kind, rank: rank, common)
        }
      }
      add(Dropout.signature(spatialRank: rank)) { common throws(KerasError) in
        try Dropout(spatialRank: rank, common)
      }
      add(ZeroPadding.signature(rank: rank)) { common throws(KerasError) in
        try ZeroPadding(rank: rank, common)
      }
      add(Cropping.signature(rank: rank)) { common throws(KerasError) in
        try Cropping(rank: rank, common)
      }
      add(UpSampling.signature(rank: rank)) { common throws(KerasError) in
        try UpSampling(rank: rank, common)
      }
    }
    for rank in 1...2 {
      add(DepthwiseConv.signature(rank: rank)) { common throws(KerasError) in
        try DepthwiseConv(rank: rank, common)
      }
      add(SeparableConv.signature(rank: rank)) { common throws(KerasError) in
        try SeparableConv(rank: rank, common)
      }
    }
    add(Dot.signature) { common throws(KerasError) in try Dot(common) }
    add(TimeDistributed.signature) { common throws(KerasError) in try TimeDistributed(common) }
    add(MultiHeadAttention.signature) { common throws(KerasError) in
      try MultiHeadAttention(common)
    }
    for kind in [Attention.Kind.luong, .additive] {
      add(Attention.signature(kind: kind)) { common throws(KerasError) in
        try Attention(kind: kind, common)
      }
    }
    // The function itself stays with the cell language, which traces it on the first call.
    add(Lambda.signature) { common throws(KerasError) in Lambda(common, trace: LambdaTrace()) }
    for kind in Merge.Kind.allCases {
      add(Merge.signature(kind: kind)) { common throws(KerasError) in try Merge(kind: kind, common)
      }
    }
    add(Dropout.signature(spatialRank: 0)) { common throws(KerasError) in
      try Dropout(spatialRank: 0, common)
    }
    add(BatchNormalization.signature) { common throws(KerasError) in try BatchNormalization(common)
    }
    add(BatchNormalization.syncSignature) { common throws(KerasError) in
      try BatchNormalization(common, className: "SyncBatchNormalization")
    }
    add(LayerNormalization.signature) { common throws(KerasError) in try LayerNormalization(common)
    }
    add(Dense.signature) { common throws(KerasError) in try Dense(common) }
    add(Flatten.signature) { common throws(KerasError) in try Flatten(common) }
    add(Activation.signature) { common throws(KerasError) in try Activation(common) }
    add(ReLU.signature) { common throws(KerasError) in try ReLU(common) }
    add(LeakyReLU.signature) { common throws(KerasError) in try LeakyReLU(common) }
    add(ELU.signature) { common throws(KerasError) in try ELU(common) }
    add(PReLU.signature) { common throws(KerasError) in try PReLU(common) }
    add(RepeatVector.signature) { common throws(KerasError) in try RepeatVector(common) }
    add(GroupNormalization.signature) { common throws(KerasError) in
      try GroupNormalization(common)
    }
    add(UnitNormalization.signature) { common throws(KerasError) in try UnitNormalization(common) }
    add(Softmax.signature) { common throws(KerasError) in try Softmax(common) }
    add(Reshape.signature) { common throws(KerasError) in try Reshape(common) }
    add(Permute.signature) { common throws(KerasError) in try Permute(common) }
    add(Embedding.signature) { common throws(KerasError) in try Embedding(common) }
    for kind in Recurrent.Kind.allCases {
      add(Recurrent.signature(kind: kind)) { common throws(KerasError) in
        try Recurrent(kind: kind, common)
      }
    }
    for rank in 1...3 {
      add(RecurrentConvolution.signature(rank: rank)) { common throws(KerasError) in
        try RecurrentConvolution(rank: rank, common)
      }
    }
    for kind in Recurrent.Kind.allCases {
      add(RecurrentCell.signature(kind: kind)) { common throws(KerasError) in
        try RecurrentCell(kind: kind, common)
      }
    }
    add(StackedRNNCells.signature) { common throws(KerasError) in try StackedRNNCells(common) }
    add(RNNArguments.signature) { common throws(KerasError) in try RNNArguments.make(common) }
    add(Masking.signature) { common throws(KerasError) in try Masking(common) }
    // The wrapped layers are objects the cell passes: `makeWrapper` builds it.
    add(Bidirectional.signature) { common throws(KerasError) in
      // Layer objects go through `makeBidirectional`: this is anything else.
      throw .value(
        "Please initialize `Bidirectional` layer with a `tf.keras.layers.Layer` instance. Received: \(common.arguments["layer"].plainDescription)"
      )
    }
    add(Normalization.signature) { common throws(KerasError) in try Normalization(common) }
    add(Resizing.signature) { common throws(KerasError) in try Resizing(common) }
    add(CenterCrop.signature) { common throws(KerasError) in try CenterCrop(common) }
    add(RandomCrop.signature) { common throws(KerasError) in try RandomCrop(common) }
    for signature in RandomAugmentation.signatures {
      let className = signature.className
      add(signature) { common throws(KerasError) in
        try RandomAugmentation(className: className, common)
      }
    }
    for signature in ShapePreservingLayer.signatures {
      let className = signature.className
      add(signature) { common throws(KerasError) in
        try ShapePreservingLayer(className: className, common)
      }
    }
    return entries
  }()

  /// The canonical class name for `name`, resolving aliases; nil when Keras has no such layer here.
  public static func canonicalName(_ name: String) -> String? {
    let resolved = aliases[name] ?? name
    if resolved == "InputLayer" || entries[resolved] != nil { return resolved }
    return nil
  }

  /// Creates a layer as `ClassName(*positional, **keywords)` would in Keras: arguments are bound
  /// first (a Python `TypeError` uses no name), then the layer takes its name from `names`, then it
  /// validates its configuration (a Keras `ValueError` here has used the name up).
  public static func make(
    className: String, positional: [ArgumentValue], keywords: [(String, ArgumentValue)],
    names: NameScope
  ) throws(KerasError) -> any Layer {
    let canonical = aliases[className] ?? className
    if canonical == "InputLayer" {
      return try makeInputLayer(
        signature: InputLayer.signature, positional: positional, keywords: keywords, names: names)
    }
    guard let entry = entries[canonical] else {
      throw .attribute("module 'tf_keras.api._v2.keras.layers' has no attribute '\(className)'")
    }
    var signature = entry.signature
    var (positional, keywords) = (positional, keywords)
    if canonical == "LeakyReLU", names.kerasVersion == .keras3 {
      signature = LeakyReLU.keras3Signature
      (positional, keywords) = LeakyReLU.keras3Arguments(positional: positional, keywords: keywords)
    }
    if names.kerasVersion == .keras2,
      canonical.hasPrefix("SeparableConv") || canonical.hasPrefix("DepthwiseConv")
    {
      // tf-keras' separable and depthwise convolutions pass `**kwargs` on to `Conv`, which takes
      // a kernel initializer, regularizer and constraint that these layers never use (real code
      // passes `kernel_regularizer=l2(...)` to every convolution); Keras 3 refuses them.
      keywords.removeAll {
        ["kernel_initializer", "kernel_regularizer", "kernel_constraint"].contains($0.0)
      }
    }
    if names.kerasVersion == .keras2,
      Recurrent.Kind(rawValue: canonical) != nil || canonical == "RNN"
    {
      keywords = Recurrent.legacyInputShapeKeywords(keywords)
    }
    var arguments = try signature.bind(positional: positional, keywords: keywords)
    if let policy = names.dtypePolicy, arguments["dtype"] == .none {
      arguments = arguments.replacing("dtype", with: .string(policy))
    }
    if canonical == "RNN" { arguments = try RNNArguments.stackingList(arguments, names: names) }
    if canonical == "Resizing", names.kerasVersion == .keras2 {
      try Resizing.checkInterpolation(arguments)
    }
    if canonical == "TimeDistributed" {
      _ = try TimeDistributed.checkedLayer(arguments, kerasVersion: names.kerasVersion)
    }
    var common = try makeCommon(arguments: arguments, className: canonical, names: names)
    if canonical == "Embedding", common.declaredBatchInputShape == nil,
      names.kerasVersion == .keras2
    {
      // tf-keras: `kwargs["input_shape"] = (input_length,)` when no input_shape is given.
      var length: Int? = nil
      if case .int(let given) = arguments["input_length"], given != 0 { length = given }
      var batch: Int? = nil
      if case .int(let size) = arguments.baseKeywords["batch_size"] ?? .none { batch = size }
      common.declaredBatchInputShape = TensorShape(batch: batch, sample: [length])
    }
    // Keras reads the initializers after the layer's other arguments.
    let layer = try entry.make(common)
    try arguments.checkInitializerNames()
    return layer
  }

  /// `Bidirectional(layer, ..., backward_layer=...)`: `layerArguments` name the arguments that
  /// are layer objects (passed in `positional`/`keywords` as placeholders), which the wrapper
  /// takes as they are.
  public static func makeBidirectional(
    positional: [ArgumentValue], keywords: [(String, ArgumentValue)], names: NameScope,
    layer: any Layer, backwardLayer: (any Layer)?
  ) throws(KerasError) -> any Layer {
    var arguments = try Bidirectional.signature.bind(positional: positional, keywords: keywords)
    if let policy = names.dtypePolicy, arguments["dtype"] == .none {
      arguments = arguments.replacing("dtype", with: .string(policy))
    }
    _ = try Bidirectional.mergeMode(arguments)
    let common = try makeCommon(arguments: arguments, className: "Bidirectional", names: names)
    return try Bidirectional(common, layer: layer, backwardLayer: backwardLayer)
  }

  /// `keras.Input(...)`: creates the input layer whose tensor the call returns.
  public static func makeInput(
    positional: [ArgumentValue], keywords: [(String, ArgumentValue)], names: NameScope
  ) throws(KerasError) -> InputLayer {
    try makeInputLayer(
      signature: InputLayer.inputFunctionSignature, positional: positional, keywords: keywords,
      names: names)
  }

  private static func makeInputLayer(
    signature: LayerSignature, positional: [ArgumentValue], keywords: [(String, ArgumentValue)],
    names: NameScope
  ) throws(KerasError) -> InputLayer {
    var (positional, keywords) = (positional, keywords)
    if signature.className == "InputLayer" {
      if names.kerasVersion == .keras3 {
        keywords = try InputLayer.keras3Arguments(positional: positional, keywords: keywords)
        positional = []
      } else {
        // Python binds the parameters before `__init__` looks at its `**kwargs`.
        let unknown = Set(signature.unknownKeywords(keywords))
        _ = try signature.bind(
          positional: positional, keywords: keywords.filter { !unknown.contains($0.0) })
        try InputLayer.checkKeras2Keywords(keywords)
        // `if input_shape and batch_input_shape:` (a shape is a tuple, list or int here).
        func given(_ name: String) -> Bool {
          switch keywords.first(where: { $0.0 == name })?.1 {
          case .int(let size)?: return size != 0
          case let value?: return !(value.sequenceItems?.isEmpty ?? true)
          case nil: return false
          }
        }
        if given("input_shape"), given("batch_input_shape") {
          throw .value(
            "Only provide the input_shape OR batch_input_shape argument to InputLayer, not both at the same time."
          )
        }
      }
    }
    let arguments = try signature.bind(positional: positional, keywords: keywords)
    let shapeArgument = signature.className == "Input" ? "shape" : "input_shape"
    let batchArgument = signature.className == "Input" ? "batch_shape" : "batch_input_shape"
    if names.kerasVersion == .keras3 {
      // Keras 3's `standardize_shape` takes no bare integer (tf-keras reads it as `(n,)`).
      for argument in [batchArgument, shapeArgument] {
        if case .int(let size) = arguments[argument] {
          throw .value("Cannot convert '\(size)' to a shape.")
        }
      }
    }
    let batchShape: TensorShape
    if !arguments.isNone(batchArgument) {
      let given = try InputLayer.standardShape(
        arguments[batchArgument], version: names.kerasVersion)
      batchShape = TensorShape(try InputLayer.shapeDimensions(given, argument: batchArgument))
    } else if !arguments.isNone(shapeArgument) {
      let given = try InputLayer.standardShape(
        arguments[shapeArgument], version: names.kerasVersion)
      // Both Kerases read `batch_size` only once they have a shape to put it in front of.
      let batchSize = try arguments.optionalInt("batch_size")
      let sample = try InputLayer.shapeDimensions(given, argument: shapeArgument)
      if let batchSize, batchSize < 0 {
        // tf-keras' `TensorShape` and Keras 3's `standardize_shape` of the batch shape.
        guard names.kerasVersion == .keras3 else {
          throw .value("Dimension \(batchSize) must be >= 0")
        }
        let items = [String(batchSize)] + sample.map { $0.map(String.init) ?? "None" }
        let tuple = items.count == 1 ? "(\(items[0]),)" : "(\(items.joined(separator: ", ")))"
        throw .value("Cannot convert '\(tuple)' to a shape. Negative dimensions are not allowed.")
      }
      batchShape = TensorShape(batch: batchSize, sample: sample)
    } else if names.kerasVersion == .keras3 {
      throw .value("You must pass a `shape` argument.")
    } else if signature.className == "InputLayer" {
      // tf-keras' `InputLayer()` makes a placeholder of unknown rank.
      throw .limitation("ConvBook does not support an InputLayer without a shape yet")
    } else {
      throw .value(
        "Please provide to Input a `shape` or a `tensor` or a `type_spec` argument. Note that `shape` does not include the batch dimension."
      )
    }
    if names.kerasVersion == .keras3 { try checkKeras3Name(arguments["name"]) }
    let name: String
    var input: InputLayer
    if let given = try arguments.string("name"), !given.isEmpty {
      name = given
      input = InputLayer(name: name, batchInputShape: batchShape, arguments: arguments)
      if names.kerasVersion == .keras3 { input.tensorName = given }
    } else {
      name = names.inputLayerName()
      input = InputLayer(name: name, batchInputShape: batchShape, arguments: arguments)
      input.tensorName = names.kerasTensorName()
    }
    return input
  }

  /// Keras 3's `Operation.__init__`: a layer's or model's name is a string without `/` (tf-keras
  /// allows the slash, which TensorFlow's name scopes use).
  public static func checkKeras3Name(_ name: ArgumentValue) throws(KerasError) {
    let text: String
    switch name {
    case .none: return
    case .string(let given) where !given.contains("/"): return
    case .string(let given): text = given
    default: text = name.description
    }
    throw .value(
      "Argument `name` must be a string and cannot contain character `/`. Received: name=\(text) (of type <class '\(name.pythonTypeName)'>)"
    )
  }

  private static func makeCommon(
    arguments: LayerArguments, className: String, names: NameScope
  ) throws(KerasError) -> LayerCommon {
    var declared: TensorShape?
    var shapeError: KerasError?
    let base = arguments.baseKeywords
    if let batchShape = base["batch_input_shape"] {
      declared = TensorShape(
        try InputLayer.shapeDimensions(batchShape, argument: "batch_input_shape"))
    } else if let inputShape = base["input_shape"] ?? base["input_dim"].map({ .tuple([$0]) }) {
      var batch: Int? = nil
      if case .int(let size) = base["batch_size"] ?? .none { batch = size }
      let sample: [Int?]
      if case .int(let size) = inputShape {
        // tf-keras iterates the shape in the layer's constructor; Keras 3 keeps it and fails when
        // a Sequential model makes its input layer of it (`standardize_shape`).
        guard names.kerasVersion == .keras3 else {
          throw .typeError("'int' object is not iterable")
        }
        shapeError = .value("Cannot convert '\(size)' to a shape.")
      } else if let negative = inputShape.sequenceItems?.first(where: {
        if case .int(let size) = $0 { return size < 0 }
        return false
      }), case .int(let size) = negative {
        // Both Kerases check the sizes only when a Sequential model makes its input layer.
        shapeError =
          names.kerasVersion == .keras3
          ? .value(
            "Cannot convert '\(inputShape.plainDescription)' to a shape. Negative dimensions are not allowed."
          )
          : .value("Dimension \(size) must be >= 0")
      } else {
        do {
          let standard = try InputLayer.standardShape(inputShape, version: names.kerasVersion)
          sample = try InputLayer.shapeDimensions(standard, argument: "input_shape")
          declared = TensorShape(batch: batch, sample: sample)
        } catch  where names.kerasVersion == .keras3 && error.type == "ValueError" {
          // Keras 3 checks the shape when a Sequential model makes its input layer from it.
          shapeError = error
        }
      }
    }
    if names.kerasVersion == .keras3 { try checkKeras3Name(base["name"] ?? .none) }
    let name: String
    switch base["name"] ?? .none {
    case .none: name = names.uniqueName(forClass: className)
    case .string(let given): name = given
    case let other:
      throw .typeError("Keras Layer names must be strings. Received: \(other)")
    }
    var trainable = true
    if case .bool(let flag) = base["trainable"] ?? .none { trainable = flag }
    var common = LayerCommon(
      name: name, trainable: trainable, declaredBatchInputShape: declared, arguments: arguments)
    common.kerasVersion = names.kerasVersion
    common.declaredShapeError = shapeError
    return common
  }
}
