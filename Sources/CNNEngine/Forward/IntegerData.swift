import CNNKernels

/// What tf-keras does with integer data (int64 token ids, uint8 pixels) given to a layer. Its base
/// layer casts only floating-point inputs to the compute dtype, so TensorFlow runs a layer's ops
/// on the integers themselves unless the layer casts first (measured with tf-keras 2.21 on int64,
/// int32 and uint8 data; `Tests/Fixtures/scripts/390-integer-layer-data.py` and corpus 1020).
public enum IntegerData {
  public enum Rule: Equatable, Sendable {
    /// The layer casts to its float32 compute dtype first (Dense, Embedding's lookup, the
    /// preprocessing and normalization layers): float32 out, computed as ConvBook computes floats.
    case castsToFloat32
    /// The layer's ops only move, pick or compare values (Flatten, max pooling, ReLU, Dropout at
    /// inference): integers out, the same values ConvBook computes in float32.
    case keepsIntegers
    /// An integer mean (global average pooling): the exact sum divided by the count, truncated
    /// toward zero as TensorFlow's integer division does (-3 / 2 is -1), integers out.
    case truncatedMean
    /// Everything else (convolutions, average pooling, sigmoid, recurrent layers: TensorFlow has no
    /// integer kernel for most of them, and tf-keras raises): ConvBook refuses.
    case unsupported
  }

  /// The dtypes this applies to, as TensorFlow names them.
  public static func isInteger(_ dtype: String) -> Bool {
    ["int64", "int32", "uint8"].contains(dtype)
  }

  /// How `layer` treats data of the integer dtype `dtype` in tf-keras, or in Keras 3 (`keras3`),
  /// whose layers mostly do the same: its means are float32, its `Masking` and `LSTM` take
  /// integers, its `Resizing` rounds to them (which ConvBook does not do) and its
  /// `LayerNormalization` and `RandomContrast` compute in them.
  public static func rule(for layer: any Layer, dtype: String, keras3: Bool = false) -> Rule {
    if keras3 {
      switch layer.className {
      case "Masking": return .keepsIntegers
      case "LSTM": return .castsToFloat32
      case "Resizing", "LayerNormalization", "RandomContrast": return .unsupported
      default: break
      }
      if let pooling = layer as? GlobalPooling, pooling.kind == .average { return .castsToFloat32 }
    }
    switch layer {
    case let activation as Activation:
      switch activation.function {
      case .linear: return .keepsIntegers
      case .relu(let slope, let maxValue, let threshold):
        return slope == 0 && maxValue == nil && threshold == 0 ? .keepsIntegers : .unsupported
      default: return .unsupported
      }
    case let relu as ReLU:
      return relu.maxValue == nil && relu.negativeSlope == 0 && relu.threshold == 0
        ? .keepsIntegers : .unsupported
    case let pooling as Pooling:
      return pooling.kind == .max ? .keepsIntegers : .unsupported
    case let pooling as GlobalPooling:
      return pooling.kind == .max ? .keepsIntegers : .truncatedMean
    case let upSampling as UpSampling:
      return upSampling.interpolation == "nearest" ? .keepsIntegers : .unsupported
    default:
      break
    }
    let name = layer.className
    if keeping.contains(name) || name.hasPrefix("ZeroPadding") || name.hasPrefix("Cropping")
      || name.hasPrefix("SpatialDropout")
    {
      return .keepsIntegers
    }
    // CategoryEncoding's bincount takes int32 and int64 only.
    if name == "CategoryEncoding" { return dtype == "uint8" ? .unsupported : .castsToFloat32 }
    return casting.contains(name) ? .castsToFloat32 : .unsupported
  }

  private static let keeping: Set<String> = [
    "Flatten", "Reshape", "Permute", "Dropout", "GaussianNoise", "Identity",
  ]
  private static let casting: Set<String> = [
    "Dense", "Embedding", "Rescaling", "Resizing", "CenterCrop", "RandomFlip", "RandomRotation",
    "RandomZoom", "RandomContrast", "RandomCrop", "RandomTranslation", "Normalization",
    "BatchNormalization", "LayerNormalization", "LeakyReLU",
  ]

  /// Integer means from the float32 means ConvBook computed: each sum is recovered exactly
  /// (`mean * count`, rounded) and divided with truncation toward zero. Nil when a sum is too
  /// large for that to be exact from a float32 mean (2^20 and up).
  /// means: any shape; count: how many values each mean averaged.
  public static func truncatedMeans(_ means: Tensor, count: Int) -> Tensor? {
    guard count >= 1 else { return nil }
    var values = [Float](repeating: 0, count: means.count)
    let divisor = Double(count)
    let exactLimit = Double(1 << 20)
    for index in 0..<means.count {
      let sum = (Double(means.scalars[index]) * divisor).rounded()
      guard abs(sum) < exactLimit else { return nil }
      values[index] = Float((sum / divisor).rounded(.towardZero))
    }
    return Tensor(validShape: means.shape, scalars: values)
  }
}
