/// tf-keras' error for a built layer called on a Keras tensor whose size its weights do not fit
/// (`decoder_layer = autoencoder.layers[-1]; decoder_layer(encoded_input)`). tf-keras checks no
/// input spec on a symbolic call: it traces the layer's `call` on a placeholder, and TensorFlow's
/// shape inference of the first operation that meets the weights fails, in its own words.
extension LayerInstance {
  /// The error, for the layers whose first operation ConvBook words as TensorFlow does: a `Dense`
  /// on a matrix (`MatMul`) and a `Conv2D` of one group, channels last, without dilation
  /// (`Conv2D`), both in float32. Nil where the call fits or for other layers.
  func tfKerasOperationError(built: TensorShape, given: TensorShape) -> KerasError? {
    guard layer.common.kerasVersion == .keras2, case .none = layer.common.arguments["dtype"],
      built.rank == given.rank, let size = built.dimensions.last ?? nil,
      let got = given.dimensions.last ?? nil, size != got
    else { return nil }
    let shape = "[" + given.dimensions.map { $0.map(String.init) ?? "?" }.joined(separator: ",")
    let message: String
    switch layer {
    case let dense as Dense where given.rank == 2:
      message =
        "Dimensions must be equal, but are \(got) and \(size) for '{{node \(name)/MatMul}} = MatMul[T=DT_FLOAT, grad_a=false, grad_b=false, transpose_a=false, transpose_b=false](Placeholder, \(name)/MatMul/ReadVariableOp)' with input shapes: \(shape)], [\(size),\(dense.units)]."
    case let convolution as Conv
    where convolution.rank == 2 && given.rank == 4 && convolution.groups == 1
      && convolution.dataFormat == .channelsLast && convolution.dilationRate.allSatisfy { $0 == 1 }
      && (convolution.padding == .valid || convolution.padding == .same) && got % size != 0:
      let strides = ([1] + convolution.strides + [1]).map(String.init).joined(separator: ", ")
      let kernel = (convolution.kernelSize + [size, convolution.filters]).map(String.init)
      message =
        "Depth of input (\(got)) is not a multiple of input depth of filter (\(size)) for '{{node \(name)/Conv2D}} = Conv2D[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"\(convolution.padding.rawValue.uppercased())\", strides=[\(strides)], use_cudnn_on_gpu=true](Placeholder, \(name)/Conv2D/ReadVariableOp)' with input shapes: \(shape)], [\(kernel.joined(separator: ","))]."
    default:
      return nil
    }
    let type = layer.className
    return .value(
      "Exception encountered when calling layer \"\(name)\" (type \(type)).\n\n\(message)\n\nCall arguments received by layer \"\(name)\" (type \(type)):\n  • inputs=tf.Tensor(shape=\(given), dtype=float32)"
    )
  }
}
