/// The backward pass of Keras `Dense` (beside `DenseKernel`, its forward pass): the layer is
/// y = x W + b on the last axis, so with M = product of the leading dimensions
/// dx = dy W^T (M, C_in), dW = x^T dy (C_in, units), db = column sums of dy.
public enum DenseGradient {
  /// input (..., C_in), kernel (C_in, units), outputGradient (..., units)
  /// -> (input gradient (..., C_in) or nil, kernel gradient (C_in, units), bias gradient (units))
  public static func backward(
    input: Tensor, kernel: Tensor, outputGradient: Tensor, needsInputGradient: Bool,
    threads: Int
  ) throws(KernelError) -> (input: Tensor?, kernel: Tensor, bias: Tensor) {
    let inputUnits = kernel.shape[0]
    let units = kernel.shape[1]
    let rows = input.count / max(1, inputUnits)
    let transposedInput = GradientMath.transpose(input.scalars, rows: rows, columns: inputUnits)
    let kernelGradient = try GradientMath.multiply(
      transposedInput, outputGradient.scalars, rows: inputUnits, inner: rows, columns: units,
      threads: threads, aTransposed: true)
    // Both Kerases' bias gradient adds the rows one after another, except for a single unit,
    // where TensorFlow's reduction sees one contiguous vector and adds it in Eigen's packets
    // (measured against tf-keras 2.21 and Keras 3.15.1 from 12 rows on).
    let biasGradient =
      units == 1
      ? [EigenSum.contiguous(outputGradient.scalars, count: rows)]
      : GradientMath.columnSums(outputGradient.scalars, rows: rows, columns: units)
    var inputGradient: Tensor?
    if needsInputGradient {
      let transposedKernel = GradientMath.transpose(
        kernel.scalars, rows: inputUnits, columns: units)
      let values = try GradientMath.multiply(
        outputGradient.scalars, transposedKernel, rows: rows, inner: units, columns: inputUnits,
        threads: threads)
      inputGradient = Tensor(validShape: input.shape, scalars: values)
    }
    return (
      inputGradient, Tensor(validShape: kernel.shape, scalars: kernelGradient),
      Tensor(validShape: [units], scalars: biasGradient)
    )
  }
}
