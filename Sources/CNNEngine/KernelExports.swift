// The engine's public API speaks in the kernels' types (`Tensor`, `ActivationFunction`,
// `KernelParallelism`, ...): whoever imports the engine sees them too, as before the kernels became
// a module of their own (so that only they are compiled without overflow checks).
@_exported import CNNKernels
