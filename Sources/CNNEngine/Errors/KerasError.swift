/// An exception as Keras (or Python) would raise it: the exception type and its message.
public struct KerasError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Python's exception class name: `ValueError`, `TypeError`, `AttributeError`, ...; nil for
  /// ConvBook's own refusals of what it lacks (``limitation(_:)``), which are no Keras exception.
  public var type: String?
  public var message: String
  /// When the error belongs to one layer of a model, that layer's position in the model's layer list,
  /// so that a caller can point at the source of the layer Keras blamed.
  public var layerIndex: Int?

  public init(_ type: String?, _ message: String, layerIndex: Int? = nil) {
    self.type = type
    self.message = message
    self.layerIndex = layerIndex
  }

  /// ConvBook's refusal of something Keras accepts and ConvBook does not do (yet): printed as the
  /// message alone, never dressed as a Keras exception.
  public static func limitation(_ message: String) -> KerasError { KerasError(nil, message) }

  public static func value(_ message: String) -> KerasError { KerasError("ValueError", message) }
  public static func typeError(_ message: String) -> KerasError { KerasError("TypeError", message) }
  public static func attribute(_ message: String) -> KerasError {
    KerasError("AttributeError", message)
  }

  /// `ValueError: message`, the way Python prints the last line of a traceback.
  public var description: String { type.map { "\($0): \(message)" } ?? message }
}
