/// Padding modes of convolutions and pooling, in Keras' spelling.
public enum Padding: String, Sendable, Hashable {
  case valid, same, causal, full
}
