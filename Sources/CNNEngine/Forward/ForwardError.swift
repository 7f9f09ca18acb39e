/// Why a forward pass, or the weights or input for one, was refused. Messages name what does not
/// fit (a weight's Keras name, the expected and found shapes, the memory estimate).
public struct ForwardError: Error, Equatable, Sendable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    /// Weights missing, extra, of the wrong shape, or an initializer ConvBook cannot draw.
    case weights
    /// The input does not fit the model.
    case input
    /// Weights and activations would exceed the memory budget.
    case memory
    /// The model is not built, or a layer's configuration has no forward pass here.
    case model
    /// A kernel refused its arguments (a bug, since the layers were checked first).
    case kernel
    /// The caller's time budget ran out between layers (`WorkBudget`): the message is its own.
    case stopped
  }

  public var kind: Kind
  public var message: String

  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }
}
