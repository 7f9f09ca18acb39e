/// One call of a layer in Keras' functional API (Keras' `Node`): the layer, the tensors it was
/// called on and the shapes of what it returned. Most calls return one tensor; a recurrent layer
/// with `return_state=True` returns its output and its states, `MultiHeadAttention` with
/// `return_attention_scores=True` its output and its scores. Each returned tensor is a
/// `KerasTensor` that points back here with its position (`outputIndex`), which summaries print
/// as `lstm[0][1]`.
public final class LayerNode {
  /// How a call handed back its outputs, as Python sees it.
  public enum Structure: Sendable, Equatable {
    /// One tensor.
    case single
    /// A list (`[output, h, c]`: tf-keras' recurrent layers).
    case list
    /// A tuple (`(output, scores)`: `MultiHeadAttention`).
    case tuple
  }

  /// The layer called; an `InputLayer` for the node of `keras.Input`.
  public let producer: LayerInstance
  /// The tensors the call took, in call order (initial states after the input, then Keras 3's
  /// mask); empty for an input.
  public private(set) var inputs: [KerasTensor]
  /// Whether the last of `inputs` is the mask Keras 3 passed to the call (`KerasMask`).
  public let takesMask: Bool
  /// Which call of `producer` this is: Keras' node index, `conv2d[1][0]` in summaries.
  public let nodeIndex: Int
  /// The shape of each output, in the order the call returned them.
  public let outputShapes: [TensorShape]
  public let structure: Structure
  /// Keras 3's names of the call's outputs (`keras_tensor_7`: Keras 3 names every `KerasTensor`
  /// from one session counter); nil in tf-keras and for calls made without the session's names.
  public let keras3Names: [String]?
  /// The `training=` the call was given as Python's True or False (nil: not given), which Keras
  /// keeps with the node (`KerasModel.layerFixed(inTraining:)`).
  public let training: Bool?

  init(
    producer: LayerInstance, inputs: [KerasTensor], nodeIndex: Int, outputShapes: [TensorShape],
    structure: Structure = .single, takesMask: Bool = false, keras3Names: [String]? = nil,
    training: Bool? = nil
  ) {
    self.training = training
    precondition(!outputShapes.isEmpty, "a layer call returns at least one tensor")
    self.producer = producer
    self.inputs = inputs
    self.nodeIndex = nodeIndex
    self.outputShapes = outputShapes
    self.structure = structure
    self.takesMask = takesMask
    self.keras3Names = keras3Names
    GraphMemory.add(GraphMemory.nodeBytes)
  }

  // A chain of 100,000 calls (`t = t + 1` in a loop) is freed without recursing per link.
  deinit {
    var taken = inputs
    inputs = []
    DeferredRelease.release(&taken, empty: [])
  }

  /// The inputs that carry data: all but Keras 3's mask.
  public var dataInputs: ArraySlice<KerasTensor> { inputs.dropLast(takesMask ? 1 : 0) }

  /// The shape of the first output (the only one of most calls).
  public var shape: TensorShape { outputShapes[0] }
  public var isInput: Bool { inputs.isEmpty }
  public var hasSeveralOutputs: Bool { outputShapes.count > 1 }
}
