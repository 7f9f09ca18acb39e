import CNNEngine

/// A tf-keras layer or model called at once on integer data (a NumPy int64 or uint8 array, an
/// integer eager tensor), as tf-keras computes it (`IntegerData`'s rules per layer): Embedding
/// takes token ids and gives float32; `Rescaling(1/255)` casts uint8 pixels to float32; global
/// average pooling of int64 values is an int64 mean, truncated; Flatten or max pooling keep the
/// dtype. A model with a float32 `Input` casts the data first, as a Keras 3 Sequential model
/// always does.
enum IntegerLayerData {
  /// What a call on the data gives: the dtype of its result and, after an integer mean, how many
  /// values each result averaged.
  struct Plan {
    /// The result's TensorFlow dtype.
    var dtype: String
    var meanCount: Int?
  }

  /// The plan for running `layers` (in order) on `array`; refuses, at `site`, data whose dtype
  /// ConvBook does not follow through a layer. `inputDType`: the dtype a model casts its input to
  /// (its `Input`'s), nil for a layer called on its own or a tf-keras model its call builds.
  static func plan(
    _ layers: [LayerInstance], array: NDArray, inputDType: String?, site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Plan {
    let given = array.tensorFlowDType ?? array.dtype.rawValue
    let keras3 = interpreter.kerasVersion == .keras3
    var dtype = inputDType ?? given
    if dtype.hasPrefix("float") { dtype = "float32" }
    // Keras 3 as before: other dtypes (bool) are computed as float32.
    if keras3 && !IntegerData.isInteger(dtype) { dtype = "float32" }
    guard dtype == "float32" || IntegerData.isInteger(dtype) else {
      throw .unsupported(
        "ConvBook runs tf-keras layers on floating-point and integer data only, not on \(dtype) data",
        at: site.range)
    }
    var shape = TensorShape(array.shape.map { Optional($0) })
    var meanCount: Int?
    for instance in layers where dtype != "float32" {
      let output = try? instance.layer.outputShape(for: shape)
      var rule = IntegerData.rule(for: instance.layer, dtype: dtype, keras3: keras3)
      // Each mean averages input / output values; a second mean would average truncated ones.
      var averaged: Int?
      if rule == .truncatedMean, meanCount == nil, let output,
        let inputCount = Self.count(shape), let outputCount = Self.count(output),
        outputCount > 0, inputCount % outputCount == 0
      {
        averaged = inputCount / outputCount
      } else if rule == .truncatedMean {
        rule = .unsupported
      }
      switch rule {
      case .castsToFloat32 where meanCount == nil:
        dtype = "float32"
      case .keepsIntegers:
        break
      case .truncatedMean:
        meanCount = averaged
      default:
        let after = meanCount == nil ? "" : " after an integer mean"
        throw .unsupported(
          "ConvBook runs the tf-keras layer \"\(instance.name)\" (\(instance.layer.className)) on floating-point data only, not on \(dtype) data\(after) (tf-keras computes on such data in \(dtype), or raises where TensorFlow has no \(dtype) kernel); cast the data first, e.g. `x.astype(\"float32\")`",
          at: site.range)
      }
      guard let output else { break }
      shape = output
    }
    return Plan(dtype: dtype, meanCount: meanCount)
  }

  /// The number of values of a shape known in full; nil otherwise or past 64 bits.
  private static func count(_ shape: TensorShape) -> Int? {
    var total = 1
    for size in shape.dimensions {
      guard let size else { return nil }
      let (next, overflow) = total.multipliedReportingOverflow(by: size)
      if overflow { return nil }
      total = next
    }
    return total
  }

  /// The eager tensor of `output` (float32 values as ConvBook computed them) in the plan's dtype.
  static func value(_ output: Tensor, plan: Plan, site: CallSite) throws(CellError) -> Value {
    guard plan.dtype != "float32" else { return EagerTensors.value(output) }
    var values = output
    if let count = plan.meanCount {
      guard let means = IntegerData.truncatedMeans(output, count: count) else {
        throw .unsupported(
          "ConvBook computes an integer mean only of sums below 2**20; cast the data first, e.g. `x.astype(\"float32\")`",
          at: site.range)
      }
      values = means
    }
    var array = NDArray(tensor: values)
    array.dtype = plan.dtype == "uint8" ? .uint8 : .int64
    array.tensorFlowDType = plan.dtype
    return .array(array)
  }
}
