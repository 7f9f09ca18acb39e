/// A layer called as `layer(query, value, key=None)` or `layer([query, value, key])`: Keras'
/// `MultiHeadAttention`, `Attention` and `AdditiveAttention`. Keras reports its input shapes as the
/// list of the call's tensors and connects it to each of them.
public protocol AttentionLayer: MultiInputLayer {}

extension MultiHeadAttention: AttentionLayer {}
extension Attention: AttentionLayer {}
