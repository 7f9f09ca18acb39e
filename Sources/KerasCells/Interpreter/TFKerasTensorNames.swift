import CNNEngine

/// tf-keras' name of a tensor a layer made, which its `str` and `.name` show: the TensorFlow op
/// that computed it, under the layer's name scope (`dense/BiasAdd:0`, `conv2d_1/Relu:0`), and
/// under the model's for a model called as a layer (`sequential/dense_3/BiasAdd:0`).
///
/// The ops were recorded with tf-keras 2.21 (`Tests/Fixtures/keras/corpus/683-*`) for the common
/// layers (a shared layer's every call gives the same name, `Tests/Fixtures/keras/corpus/955-*`);
/// for any other layer, or settings whose op was not recorded, there is no name and ConvBook
/// refuses to print it as its limitation.
enum TFKerasTensorNames {
  static func name(of tensor: KerasTensor) -> String? {
    guard !tensor.isInput, tensor.keras3Name == nil else { return nil }
    let instance = tensor.producer
    if let model = instance.model {
      guard let output = model.graph?.outputs.first ?? model.tensors?.last else { return nil }
      // An operation of a traced `call` is TensorFlow's own op there, not a TFOpLambda layer.
      if let traced = model.tracedOutputOperations,
        output.producer.layer is any TensorOperationLayer
      {
        guard let operation = traced.first ?? nil else { return nil }
        return "\(model.name)/\(operation):0"
      }
      guard let inner = name(of: output) else { return nil }
      return "\(model.name)/\(inner)"
    }
    if let recurrent = recurrentOutput(of: tensor) { return "\(instance.name)/\(recurrent)" }
    // Each call traces the layer afresh, so a shared layer's later calls name their tensors as
    // its first (`dense/BiasAdd:0` again).
    guard let op = operation(of: instance.layer, input: tensor.inputs.first?.shape) else {
      return nil
    }
    return "\(instance.name)/\(op):\(tensor.outputIndex)"
  }

  /// The TensorFlow op that computes the layer's output.
  private static func operation(of layer: any Layer, input: TensorShape?) -> String? {
    let arguments = layer.common.arguments
    func activationOperation() -> String?? {
      switch arguments["activation"] {
      case .none, .string("linear"): return .some(nil)
      case .string(let name): return activationOperations[name].map { .some($0) }
      default: return nil
      }
    }
    switch layer.className {
    case "Dense", "Conv1D", "Conv2D", "Conv3D", "Conv2DTranspose", "SeparableConv2D",
      "DepthwiseConv2D":
      guard let activation = activationOperation() else { return nil }
      if let activation { return activation }
      if arguments["use_bias"] != .bool(false) { return "BiasAdd" }
      if layer.className == "Conv2D" { return "Conv2D" }
      return layer.className == "Dense" && input?.rank == 2 ? "MatMul" : nil
    case "Activation":
      guard let activation = activationOperation() else { return nil }
      return activation
    case "BatchNormalization": return input?.rank == 4 ? "FusedBatchNormV3" : nil
    case "ReLU":
      let plain =
        arguments["max_value"] == .none && arguments["negative_slope"] == .float(0)
        && arguments["threshold"] == .float(0)
      return plain ? "Relu" : nil
    case "TFOpLambda":
      // (`tf.math.multiply_1`: a later one's op is named as the first's.)
      return (layer as? TFOpLambda).flatMap { operatorOperations[$0.operation.rawValue] }
    case "TextVectorization":
      // Ids padded to `output_sequence_length` (the one setting recorded).
      guard let vectorization = layer as? TextVectorization, vectorization.outputMode == .int,
        vectorization.splits, vectorization.sequenceLength != nil
      else { return nil }
      return "RaggedToTensor/RaggedTensorToTensor"
    case "Lambda":
      // Python's operators inside the function: TensorFlow names the op after the operator.
      guard let program = (layer as? Lambda)?.trace.program,
        program.output == program.inputCount + program.operations.count - 1,
        let last = program.operations.last?.layer as? TFOpLambda
      else { return nil }
      return lambdaOperations[last.operation]
    default: return fixedOperations[layer.className]
    }
  }

  /// The op and output of a recurrent layer's tensor (recorded with tf-keras 2.21, script 522):
  /// an LSTM or GRU that can run on cuDNN (tanh, sigmoid gates, no recurrent dropout, not
  /// unrolled, with biases; GRU `reset_after=True`) returns the outputs of one `PartitionedCall`
  /// (the last output 0, the sequences 1, the states from 2); any other runs `backend.rnn`'s
  /// while loop (the last output `strided_slice_3`, the sequences `transpose_1`, or
  /// `transpose_2` after a mask, the states `while:4`, `while:5`). `Bidirectional` names its
  /// merged output after the merge op. Settings whose ops were not recorded (unrolled loops, input
  /// dropout or `go_backwards` outside cuDNN, initial states) give nil.
  private static func recurrentOutput(of tensor: KerasTensor) -> String? {
    let layer = tensor.producer.layer
    if let bidirectional = layer as? Bidirectional {
      guard !bidirectional.forwardLayer.returnState, tensor.outputIndex == 0,
        let mode = bidirectional.mergeMode
      else { return nil }
      let ops: [Bidirectional.MergeMode: String] = [
        .concat: "concat", .sum: "add", .mul: "mul", .ave: "truediv",
      ]
      return ops[mode].map { "\($0):0" }
    }
    guard let recurrent = layer as? Recurrent, !recurrent.unroll, tensor.inputs.count == 1 else {
      return nil
    }
    // The outputs in Keras' order: the last output or the sequences, then the states.
    let isSequences = tensor.outputIndex == 0 && recurrent.returnSequences
    let cuDNN =
      recurrent.kind != .simpleRNN && recurrent.activation == .tanh
      && recurrent.recurrentActivation == .sigmoid && recurrent.recurrentDropout == 0
      && recurrent.useBias && (recurrent.kind != .gru || recurrent.resetAfter)
    if cuDNN {
      if tensor.outputIndex == 0 { return isSequences ? "PartitionedCall:1" : "PartitionedCall:0" }
      return "PartitionedCall:\(tensor.outputIndex + 1)"
    }
    guard recurrent.dropout == 0, !recurrent.goBackwards else { return nil }
    let masked = carriesMask(tensor.inputs[0])
    if tensor.outputIndex > 0 {
      return masked == false ? "while:\(tensor.outputIndex + 3)" : nil
    }
    if !isSequences { return "strided_slice_3:0" }
    return masked.map { $0 ? "transpose_2:0" : "transpose_1:0" }
  }

  /// Whether tf-keras passes a mask with `tensor` (an input carries none; `Embedding(mask_zero=
  /// True)` and `Masking` make one); nil where that depends on how other layers pass masks on.
  private static func carriesMask(_ tensor: KerasTensor) -> Bool? {
    if tensor.isInput { return false }
    switch tensor.producer.layer.className {
    case "Masking": return true
    case "Embedding":
      return tensor.producer.layer.common.arguments["mask_zero"] == .bool(true)
    default: return nil
    }
  }

  /// Layers whose output op does not depend on their settings.
  static let fixedOperations: [String: String] = [
    "MaxPooling2D": "MaxPool", "AveragePooling2D": "AvgPool", "MaxPooling1D": "Squeeze",
    "GlobalAveragePooling2D": "Mean", "GlobalMaxPooling2D": "Max",
    "GlobalAveragePooling1D": "Mean", "Flatten": "Reshape", "Reshape": "Reshape",
    "Permute": "transpose", "RepeatVector": "Tile", "Dropout": "Identity",
    "SpatialDropout2D": "Identity", "UpSampling2D": "resize/ResizeNearestNeighbor",
    "ZeroPadding2D": "Pad", "Cropping2D": "strided_slice", "Rescaling": "add",
    "LeakyReLU": "LeakyRelu", "ELU": "Elu", "Softmax": "Softmax",
    "Embedding": "embedding_lookup/Identity", "Add": "add", "Concatenate": "concat",
    "Multiply": "mul", "Average": "truediv", "Subtract": "sub", "Maximum": "Maximum",
  ]

  /// Tensor arithmetic (`x + y`, `x * 2`): the op under the `TFOpLambda` layer's scope.
  static let operatorOperations: [String: String] = [
    "tf.__operators__.add": "AddV2", "tf.math.multiply": "Mul",
  ]

  /// tf-keras' op of `output`, made by the `call` of a custom layer or subclassed model on Keras
  /// tensors: `call` runs on placeholders of a scratch graph under the layer's name scope, where
  /// Python's operators make TensorFlow's ops (`mul`, `sub`, `Neg`, recorded with tf-keras 2.21,
  /// script 1332), made unique in that graph in the order `call` made them (`mul_1`).
  /// `operations`: the tensor operations the call recorded, in order (each one's operation and the
  /// name its layer took). Nil for an output that is not such an operation, or after another
  /// operation (whose op name ConvBook does not know).
  static func scratchOperation(
    of output: KerasTensor, operations: [(base: String, name: String)]
  ) -> String? {
    guard let operation = output.producer.layer as? TFOpLambda,
      let base = scratchOperations[operation.operation],
      let position = operations.firstIndex(where: { $0.name == output.producer.name })
    else { return nil }
    var earlier = 0
    for made in operations[..<position] {
      guard let other = TFOpLambda.Operation(rawValue: made.base),
        let name = scratchOperations[other]
      else { return nil }
      if name == base { earlier += 1 }
    }
    return earlier == 0 ? base : "\(base)_\(earlier)"
  }

  /// Python's operators on a scratch graph's tensors.
  static let scratchOperations: [TFOpLambda.Operation: String] = [
    .add: "add", .subtract: "sub", .multiply: "mul", .trueDivide: "truediv", .negative: "Neg",
  ]

  /// Python's arithmetic on tensors inside a Lambda's function.
  static let lambdaOperations: [TFOpLambda.Operation: String] = [
    .add: "add", .subtract: "sub", .multiply: "mul", .trueDivide: "truediv",
  ]

  /// The last op of each activation by its tf-keras name.
  static let activationOperations: [String: String] = [
    "relu": "Relu", "softmax": "Softmax", "sigmoid": "Sigmoid", "tanh": "Tanh", "elu": "Elu",
    "selu": "Selu", "gelu": "Gelu/mul_2", "swish": "IdentityN", "silu": "IdentityN",
    "softplus": "Softplus", "relu6": "Relu6", "leaky_relu": "LeakyRelu", "exponential": "Exp",
    "hard_sigmoid": "clip_by_value", "softsign": "Softsign", "mish": "mul",
  ]
}
