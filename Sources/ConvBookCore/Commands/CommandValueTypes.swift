import CNNEngine
import KerasCells

// The engine's and the cell language's types that the CLI names in its options, under their own
// names, so that the CLI imports ConvBookCore alone.
public typealias KerasVersion = CNNEngine.KerasVersion
public typealias SummaryFooterStyle = KerasCells.SummaryFooterStyle

/// Defaults the CLI shows in its options, taken from the engine.
public enum CommandDefaults {
  /// Largest estimated weights + activations of a forward pass, in bytes.
  public static var memoryBudget: Int { ForwardPass.defaultMemoryBudget }
  /// Threads of the kernels: every core.
  public static var threadCount: Int { KernelParallelism.defaultThreadCount }
}
