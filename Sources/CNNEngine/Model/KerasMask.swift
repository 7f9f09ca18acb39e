/// Keras 3's masks on symbolic tensors: which layers make one (and with which operations), which
/// pass it on, and which take it as a call argument (each layer's `symbolicMasking`). A layer whose `call` has a `mask` parameter
/// gets the mask of its input as one more tensor of its node: its `input` is `[x, mask]`, and a
/// functional summary connects it to the mask's `not_equal`/`any` operation. tf-keras keeps masks
/// off the graph (`_keras_mask`), so none of this applies there.
public enum KerasMask {
  /// The operations `compute_mask` records on the layer's input, in order.
  public static func operations(of layer: any Layer) -> [MaskOperation.Kind] {
    layer.symbolicMasking.makes
  }

  /// Whether Keras 3 passes the input's mask to the layer's `call` (its signature has `mask`).
  public static func takesMask(_ layer: any Layer) -> Bool { layer.symbolicMasking.takes }

  /// Whether the layer's first output carries its input's mask on.
  public static func carries(_ layer: any Layer) -> Bool { layer.symbolicMasking.carries }

  /// The shape of the mask a Sequential model's layer receives and of the one it passes on, for
  /// a chain whose current mask has `mask` shape (nil: none).
  public static func outputMaskShape(
    of layer: any Layer, input: TensorShape, mask: TensorShape?
  ) -> TensorShape? {
    let made = operations(of: layer)
    if !made.isEmpty {
      var shape = input
      for kind in made {
        shape = (try? MaskOperation(kind, name: "").outputShape(for: shape)) ?? shape
      }
      return shape
    }
    return carries(layer) ? mask : nil
  }
}
