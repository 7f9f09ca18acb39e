/// A `.npy` / `.npz` file could not be read or written; the message names the problem and, where
/// there is one, the fix.
public struct NumPyError: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }
}
