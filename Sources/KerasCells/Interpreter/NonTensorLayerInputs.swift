import CNNEngine

/// A layer called on a value that is no tensor (`x = ...; layers.Conv2D(128, 3)(x)`, a course
/// script's placeholder; `layer(None)`; `layer("abc")`), where Keras fails before the layer runs:
/// - Keras 3's `Layer.__call__` takes only tensors (or None) positionally, except in its
///   preprocessing layers (`_allow_non_tensor_positional_args`, `DataLayer`): any other value
///   among the positional arguments, flattened, is a ValueError naming the first;
/// - both Kerases check a call's input against the layer's `input_spec` when the layer set one in
///   its constructor (`inputSpecLayers`): something without a `shape` is named in an error (a
///   TypeError in tf-keras, a ValueError in Keras 3).
/// Layers without one go on into their `call` with the value and fail in TensorFlow, each its own
/// way: that stays ConvBook's refusal.
enum NonTensorLayerInputs {
  /// The layers whose constructor sets `input_spec`, in tf-keras 2.21 and Keras 3.15 alike
  /// (Keras 3 has no LocallyConnected layers).
  static let inputSpecLayers: Set<String> = [
    "AveragePooling1D", "AveragePooling2D", "AveragePooling3D", "Bidirectional", "Conv1D",
    "Conv1DTranspose", "Conv2D", "Conv2DTranspose", "Conv3D", "Conv3DTranspose", "ConvLSTM1D",
    "ConvLSTM2D", "ConvLSTM3D", "Cropping1D", "Cropping2D", "Cropping3D", "Dense",
    "DepthwiseConv1D", "DepthwiseConv2D", "Flatten", "GRU", "GlobalAveragePooling1D",
    "GlobalAveragePooling2D", "GlobalAveragePooling3D", "GlobalMaxPooling1D", "GlobalMaxPooling2D",
    "GlobalMaxPooling3D", "LSTM", "LocallyConnected1D", "LocallyConnected2D", "MaxPooling1D",
    "MaxPooling2D", "MaxPooling3D", "Permute", "RNN", "RepeatVector", "SeparableConv1D",
    "SeparableConv2D", "SimpleRNN", "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D",
    "UpSampling1D", "UpSampling2D", "UpSampling3D", "ZeroPadding1D", "ZeroPadding2D",
    "ZeroPadding3D",
  ]

  /// Keras 3's layers that take other values positionally: its preprocessing layers.
  static let keras3DataLayers: Set<String> = [
    "AugMix", "AutoContrast", "CategoryEncoding", "CenterCrop",
    "ContrastLimitedAdaptiveHistogramEqualization", "CutMix", "Discretization", "Equalization",
    "HashedCrossing", "Hashing", "IntegerLookup", "MaxNumBoundingBoxes", "MelSpectrogram", "MixUp",
    "Normalization", "Pipeline", "RandAugment", "RandomBrightness", "RandomColorDegeneration",
    "RandomColorJitter", "RandomContrast", "RandomCrop", "RandomElasticTransform", "RandomErasing",
    "RandomFlip", "RandomGaussianBlur", "RandomGrayscale", "RandomHue", "RandomInvert",
    "RandomPerspective", "RandomPosterization", "RandomRotation", "RandomSaturation",
    "RandomSharpness", "RandomShear", "RandomTranslation", "RandomZoom", "Rescaling", "Resizing",
    "Solarization", "StringLookup", "TextVectorization",
  ]

  /// Keras' error for `positional`, or nil when Keras would go on (or fail its own way).
  static func error(
    _ instance: LayerInstance, positional: [Value], site: CallSite, interpreter: Interpreter
  ) -> CellError? {
    let className = instance.layer.className
    if interpreter.kerasVersion == .keras3, !keras3DataLayers.contains(className),
      let value = firstNonTensor(positional)
    {
      return CellError(
        type: "ValueError",
        message:
          "Only input tensors may be passed as positional arguments. The following argument value should be passed as a keyword argument: \(PythonText.str(value)) (of type \(PythonText.repr(Builtins.typeValue(of: value))))",
        range: site.range)
    }
    guard positional.count == 1, inputSpecLayers.contains(className) else { return nil }
    switch positional[0] {
    case .none, .ellipsis, .string:
      let value = positional[0]
      return CellError(
        type: interpreter.kerasVersion == .keras3 ? "ValueError" : "TypeError",
        message:
          "Inputs to a layer should be tensors. Got '\(PythonText.str(value))' (of type <class '\(value.typeName)'>) as input for layer '\(instance.name)'.",
        range: site.range)
    default: return nil
    }
  }

  /// Keras 3's check: the positional arguments flattened (lists, tuples, dictionaries' values),
  /// the first that is neither a tensor nor None (a Python number too: `self.bn(x, training)`,
  /// which `__call__` does not convert, having no `__array__`). Nil as well where a value comes
  /// first whose handling ConvBook has not compared with Keras (a NumPy scalar, an object).
  private static func firstNonTensor(_ values: [Value]) -> Value? {
    for value in values {
      switch value {
      case .kerasTensor, .array, .none: continue
      // A layer or model called on another (`Dense(2)(Dense(3))`), shown by Keras 3's repr.
      case .ellipsis, .string, .bool, .int, .float, .layer, .model: return value
      case .list, .tuple:
        guard let items = value.sequenceItems else { return nil }
        if let found = firstNonTensor(items) { return found }
        if !items.allSatisfy(isTensorOrNone) { return nil }
      default: return nil
      }
    }
    return nil
  }

  private static func isTensorOrNone(_ value: Value) -> Bool {
    switch value {
    case .kerasTensor, .array, .none: return true
    case .list, .tuple: return value.sequenceItems?.allSatisfy(isTensorOrNone) ?? false
    default: return false
    }
  }
}
