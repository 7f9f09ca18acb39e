/// A kernel refused its arguments (mismatched shapes, bad parameters); the message says which.
public struct KernelError: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }
}
