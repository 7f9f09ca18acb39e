import CNNEngine

/// The calls of a layer that Keras records as its inbound nodes: those on Keras tensors outside
/// any traced `call`. Keras runs a custom layer's or a subclassed model's `call` in a scratch
/// graph, where the layers it calls make no nodes; ConvBook's traced graph has nodes for them
/// all. A subclassed model's summary shows the output shapes of the recorded ones (a layer its
/// own `build` called on `keras.Input`), and `multiple` (tf-keras) for the others.
struct KerasNodeCalls {
  struct Call {
    let shapes: [TensorShape]
    let structure: LayerNode.Structure
  }

  /// The layer, kept alive so that its identifier stays its own.
  let layer: LayerInstance
  var calls: [Call] = []
  /// How many calls ConvBook's traces made (which Keras records no node for).
  var tracedCalls = 0

  /// Whether Keras has no node for the layer though ConvBook's graph has: it was called only
  /// inside traced calls (a sublayer of a custom layer called on a Keras tensor).
  var onlyTraced: Bool { calls.isEmpty && tracedCalls > 0 }

  /// tf-keras' `layer.output_shape`: the calls' outputs when all gave the same shapes.
  var tfKerasOutputs: Call? {
    guard let first = calls.first, calls.allSatisfy({ $0.shapes == first.shapes }) else {
      return nil
    }
    return first
  }

  /// Keras 3's `format_layer_shape`: the last call's outputs.
  var keras3Outputs: Call? { calls.last }

  /// The shape `row` shows for `call`: one shape, or its tuple (tf-keras, a call that returned
  /// a tuple) or list of them.
  static func show(_ call: Call, in row: inout ModelSummary.Row, keras3: Bool) {
    row.hasMultipleOutputShapes = false
    guard call.shapes.count > 1 else {
      row.outputShape = call.shapes.first ?? TensorShape([])
      return
    }
    row.outputShape = call.shapes[0]
    row.outputShapes = call.shapes
    row.outputsAsTuple = !keras3 && call.structure == .tuple
  }
}

extension KerasSession {
  /// Notes a call of `layer` on Keras tensors that returned `outputs`: a node of Keras' when no
  /// custom layer's or model's `call` is being traced, else one ConvBook's trace made.
  func noteKerasNode(of layer: LayerInstance, outputs: [KerasTensor]) {
    guard let first = outputs.first else { return }
    let key = ObjectIdentifier(layer)
    var record = kerasNodeCalls[key] ?? KerasNodeCalls(layer: layer)
    if lambdaTracingDepth > 0 {
      record.tracedCalls += 1
    } else {
      record.calls.append(.init(shapes: outputs.map(\.shape), structure: first.node.structure))
    }
    kerasNodeCalls[key] = record
  }

  /// Whether Keras has no node for `layer`, which ConvBook's traces called (`KerasNodeCalls`).
  func kerasHasNoNode(for layer: LayerInstance) -> Bool {
    kerasNodeCalls[ObjectIdentifier(layer)]?.onlyTraced == true
  }
}
