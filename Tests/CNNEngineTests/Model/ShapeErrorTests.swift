import CNNEngine
import Testing

/// Errors for inputs a layer cannot take, compared with what tf-keras 2.21 raised for the same layer
/// and input (messages captured from `keras.Sequential([keras.Input(batch_shape=...), layer])`):
/// Keras' own checks, TensorFlow's shape-inference refusals of the op a layer lowers to (with
/// `ExpandDims`, `transpose` and `SpaceToBatchND` applied first), and the wrapper Keras puts around
/// errors raised inside `call`.
@Suite struct ShapeErrorTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var className: String
    var positional: [ArgumentValue]
    var keywords: [(String, ArgumentValue)]
    /// nil: the constructor itself fails.
    var batchInputShape: [Int?]?
    var type: String
    var message: String

    init(
      _ className: String, _ positional: [ArgumentValue], _ keywords: [(String, ArgumentValue)],
      _ batchInputShape: [Int?]?, _ type: String, _ message: String
    ) {
      self.className = className
      self.positional = positional
      self.keywords = keywords
      self.batchInputShape = batchInputShape
      self.type = type
      self.message = message
    }

    var testDescription: String {
      "\(className)(\(positional), \(keywords.map { "\($0.0)=\($0.1)" })) on \(batchInputShape.map { TensorShape($0).description } ?? "-")"
    }
  }

  static let cases: [Case] = [
    Case(
      "Conv1D", [.int(4), .int(8)], [], [nil, 5, 3], "ValueError",
      "One of the dimensions in the output is <= 0 due to downsampling in conv1d. Consider increasing the input size. Received input shape [None, 5, 3] which would produce output shape with a zero or negative value in a dimension."
    ),
    Case(
      "Conv1D", [.int(4), .int(3)], [("dilation_rate", .int(3))], [nil, 5, 3], "ValueError",
      "One of the dimensions in the output is <= 0 due to downsampling in conv1d. Consider increasing the input size. Received input shape [None, 5, 3] which would produce output shape with a zero or negative value in a dimension."
    ),
    Case(
      "Conv1D", [.int(4), .int(8)], [("data_format", .string("channels_first"))], [nil, 3, 5],
      "ValueError",
      "One of the dimensions in the output is <= 0 due to downsampling in conv1d. Consider increasing the input size. Received input shape [None, 3, 5] which would produce output shape with a zero or negative value in a dimension."
    ),
    Case(
      "Conv2D", [.int(4), .int(8)], [("data_format", .string("channels_first"))], [nil, 3, 5, 5],
      "ValueError",
      "One of the dimensions in the output is <= 0 due to downsampling in conv2d. Consider increasing the input size. Received input shape [None, 3, 5, 5] which would produce output shape with a zero or negative value in a dimension."
    ),
    Case(
      "Conv2D", [.int(4), .tuple([.int(8), .int(2)])], [("strides", .tuple([.int(1), .int(2)]))],
      [nil, 5, 5, 3], "ValueError",
      "One of the dimensions in the output is <= 0 due to downsampling in conv2d. Consider increasing the input size. Received input shape [None, 5, 5, 3] which would produce output shape with a zero or negative value in a dimension."
    ),
    Case(
      "Conv2D", [.int(4), .int(8)], [("groups", .int(2))], [nil, 5, 5, 4], "ValueError",
      "One of the dimensions in the output is <= 0 due to downsampling in conv2d. Consider increasing the input size. Received input shape [None, 5, 5, 4] which would produce output shape with a zero or negative value in a dimension."
    ),
    Case(
      "Conv3D", [.int(4), .int(3)], [("data_format", .string("channels_first"))],
      [nil, 3, 2, 5, 5], "ValueError",
      "Exception encountered when calling layer \"conv3d\" (type Conv3D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node conv3d/Conv3D}} = Conv3D[T=DT_FLOAT, data_format=\"NCDHW\", dilations=[1, 1, 1, 1, 1], padding=\"VALID\", strides=[1, 1, 1, 1, 1]](Placeholder, conv3d/Conv3D/ReadVariableOp)' with input shapes: [?,3,2,5,5], [3,3,3,3,4].\n\nCall arguments received by layer \"conv3d\" (type Conv3D):\n  • inputs=tf.Tensor(shape=(None, 3, 2, 5, 5), dtype=float32)"
    ),
    Case(
      "Conv3D", [.int(4), .int(3)], [("dilation_rate", .int(2))], [nil, 9, 2, 5, 3], "ValueError",
      "One of the dimensions in the output is <= 0 due to downsampling in conv3d. Consider increasing the input size. Received input shape [None, 9, 2, 5, 3] which would produce output shape with a zero or negative value in a dimension."
    ),
    Case(
      "MaxPooling1D", [.int(8)], [], [nil, 5, 3], "ValueError",
      "Exception encountered when calling layer \"max_pooling1d\" (type MaxPooling1D).\n\nNegative dimension size caused by subtracting 8 from 5 for '{{node max_pooling1d/MaxPool}} = MaxPool[T=DT_FLOAT, data_format=\"NHWC\", explicit_paddings=[], ksize=[1, 8, 1, 1], padding=\"VALID\", strides=[1, 8, 1, 1]](max_pooling1d/ExpandDims)' with input shapes: [?,5,1,3].\n\nCall arguments received by layer \"max_pooling1d\" (type MaxPooling1D):\n  • inputs=tf.Tensor(shape=(None, 5, 3), dtype=float32)"
    ),
    Case(
      "AveragePooling1D", [.int(8)], [], [nil, 5, 3], "ValueError",
      "Exception encountered when calling layer \"average_pooling1d\" (type AveragePooling1D).\n\nNegative dimension size caused by subtracting 8 from 5 for '{{node average_pooling1d/AvgPool}} = AvgPool[T=DT_FLOAT, data_format=\"NHWC\", ksize=[1, 8, 1, 1], padding=\"VALID\", strides=[1, 8, 1, 1]](average_pooling1d/ExpandDims)' with input shapes: [?,5,1,3].\n\nCall arguments received by layer \"average_pooling1d\" (type AveragePooling1D):\n  • inputs=tf.Tensor(shape=(None, 5, 3), dtype=float32)"
    ),
    Case(
      "AveragePooling1D", [.int(8)], [("data_format", .string("channels_first"))], [nil, 3, 5],
      "ValueError",
      "Exception encountered when calling layer \"average_pooling1d\" (type AveragePooling1D).\n\nNegative dimension size caused by subtracting 8 from 5 for '{{node average_pooling1d/AvgPool}} = AvgPool[T=DT_FLOAT, data_format=\"NHWC\", ksize=[1, 8, 1, 1], padding=\"VALID\", strides=[1, 8, 1, 1]](average_pooling1d/transpose)' with input shapes: [?,5,1,3].\n\nCall arguments received by layer \"average_pooling1d\" (type AveragePooling1D):\n  • inputs=tf.Tensor(shape=(None, 3, 5), dtype=float32)"
    ),
    Case(
      "MaxPooling1D", [.int(8)], [("data_format", .string("channels_first"))], [nil, 3, 5],
      "ValueError",
      "Exception encountered when calling layer \"max_pooling1d\" (type MaxPooling1D).\n\nNegative dimension size caused by subtracting 8 from 5 for '{{node max_pooling1d/MaxPool}} = MaxPool[T=DT_FLOAT, data_format=\"NHWC\", explicit_paddings=[], ksize=[1, 8, 1, 1], padding=\"VALID\", strides=[1, 8, 1, 1]](max_pooling1d/transpose)' with input shapes: [?,5,1,3].\n\nCall arguments received by layer \"max_pooling1d\" (type MaxPooling1D):\n  • inputs=tf.Tensor(shape=(None, 3, 5), dtype=float32)"
    ),
    Case(
      "MaxPooling2D", [.int(2)], [], [nil, 1, 1, 3], "ValueError",
      "Exception encountered when calling layer \"max_pooling2d\" (type MaxPooling2D).\n\nNegative dimension size caused by subtracting 2 from 1 for '{{node max_pooling2d/MaxPool}} = MaxPool[T=DT_FLOAT, data_format=\"NHWC\", explicit_paddings=[], ksize=[1, 2, 2, 1], padding=\"VALID\", strides=[1, 2, 2, 1]](Placeholder)' with input shapes: [?,1,1,3].\n\nCall arguments received by layer \"max_pooling2d\" (type MaxPooling2D):\n  • inputs=tf.Tensor(shape=(None, 1, 1, 3), dtype=float32)"
    ),
    Case(
      "AveragePooling2D", [.int(2)], [("strides", .int(3))], [nil, 1, 1, 3], "ValueError",
      "Exception encountered when calling layer \"average_pooling2d\" (type AveragePooling2D).\n\nNegative dimension size caused by subtracting 2 from 1 for '{{node average_pooling2d/AvgPool}} = AvgPool[T=DT_FLOAT, data_format=\"NHWC\", ksize=[1, 2, 2, 1], padding=\"VALID\", strides=[1, 3, 3, 1]](Placeholder)' with input shapes: [?,1,1,3].\n\nCall arguments received by layer \"average_pooling2d\" (type AveragePooling2D):\n  • inputs=tf.Tensor(shape=(None, 1, 1, 3), dtype=float32)"
    ),
    Case(
      "MaxPooling2D", [.int(2)], [("data_format", .string("channels_first"))], [nil, 3, 1, 1],
      "ValueError",
      "Exception encountered when calling layer \"max_pooling2d\" (type MaxPooling2D).\n\nNegative dimension size caused by subtracting 2 from 1 for '{{node max_pooling2d/MaxPool}} = MaxPool[T=DT_FLOAT, data_format=\"NCHW\", explicit_paddings=[], ksize=[1, 1, 2, 2], padding=\"VALID\", strides=[1, 1, 2, 2]](Placeholder)' with input shapes: [?,3,1,1].\n\nCall arguments received by layer \"max_pooling2d\" (type MaxPooling2D):\n  • inputs=tf.Tensor(shape=(None, 3, 1, 1), dtype=float32)"
    ),
    Case(
      "AveragePooling2D", [.int(2)], [("data_format", .string("channels_first"))], [nil, 3, 1, 1],
      "ValueError",
      "Exception encountered when calling layer \"average_pooling2d\" (type AveragePooling2D).\n\nNegative dimension size caused by subtracting 2 from 1 for '{{node average_pooling2d/AvgPool}} = AvgPool[T=DT_FLOAT, data_format=\"NCHW\", ksize=[1, 1, 2, 2], padding=\"VALID\", strides=[1, 1, 2, 2]](Placeholder)' with input shapes: [?,3,1,1].\n\nCall arguments received by layer \"average_pooling2d\" (type AveragePooling2D):\n  • inputs=tf.Tensor(shape=(None, 3, 1, 1), dtype=float32)"
    ),
    Case(
      "MaxPooling2D", [.tuple([.int(2), .int(1)])], [("strides", .tuple([.int(1), .int(2)]))],
      [nil, 1, 5, 3], "ValueError",
      "Exception encountered when calling layer \"max_pooling2d\" (type MaxPooling2D).\n\nNegative dimension size caused by subtracting 2 from 1 for '{{node max_pooling2d/MaxPool}} = MaxPool[T=DT_FLOAT, data_format=\"NHWC\", explicit_paddings=[], ksize=[1, 2, 1, 1], padding=\"VALID\", strides=[1, 1, 2, 1]](Placeholder)' with input shapes: [?,1,5,3].\n\nCall arguments received by layer \"max_pooling2d\" (type MaxPooling2D):\n  • inputs=tf.Tensor(shape=(None, 1, 5, 3), dtype=float32)"
    ),
    Case(
      "MaxPooling2D", [.int(2)], [], [nil, nil, 1, 3], "ValueError",
      "Exception encountered when calling layer \"max_pooling2d\" (type MaxPooling2D).\n\nNegative dimension size caused by subtracting 2 from 1 for '{{node max_pooling2d/MaxPool}} = MaxPool[T=DT_FLOAT, data_format=\"NHWC\", explicit_paddings=[], ksize=[1, 2, 2, 1], padding=\"VALID\", strides=[1, 2, 2, 1]](Placeholder)' with input shapes: [?,?,1,3].\n\nCall arguments received by layer \"max_pooling2d\" (type MaxPooling2D):\n  • inputs=tf.Tensor(shape=(None, None, 1, 3), dtype=float32)"
    ),
    Case(
      "MaxPooling3D", [.int(2)], [], [nil, 1, 4, 4, 3], "ValueError",
      "Exception encountered when calling layer \"max_pooling3d\" (type MaxPooling3D).\n\nNegative dimension size caused by subtracting 2 from 1 for '{{node max_pooling3d/MaxPool3D}} = MaxPool3D[T=DT_FLOAT, data_format=\"NDHWC\", ksize=[1, 2, 2, 2, 1], padding=\"VALID\", strides=[1, 2, 2, 2, 1]](Placeholder)' with input shapes: [?,1,4,4,3].\n\nCall arguments received by layer \"max_pooling3d\" (type MaxPooling3D):\n  • inputs=tf.Tensor(shape=(None, 1, 4, 4, 3), dtype=float32)"
    ),
    Case(
      "AveragePooling3D", [.int(2)], [], [nil, 1, 4, 4, 3], "ValueError",
      "Exception encountered when calling layer \"average_pooling3d\" (type AveragePooling3D).\n\nNegative dimension size caused by subtracting 2 from 1 for '{{node average_pooling3d/AvgPool3D}} = AvgPool3D[T=DT_FLOAT, data_format=\"NDHWC\", ksize=[1, 2, 2, 2, 1], padding=\"VALID\", strides=[1, 2, 2, 2, 1]](Placeholder)' with input shapes: [?,1,4,4,3].\n\nCall arguments received by layer \"average_pooling3d\" (type AveragePooling3D):\n  • inputs=tf.Tensor(shape=(None, 1, 4, 4, 3), dtype=float32)"
    ),
    Case(
      "MaxPooling3D", [.int(2)], [("data_format", .string("channels_first"))], [nil, 3, 1, 4, 4],
      "ValueError",
      "Exception encountered when calling layer \"max_pooling3d\" (type MaxPooling3D).\n\nNegative dimension size caused by subtracting 2 from 1 for '{{node max_pooling3d/MaxPool3D}} = MaxPool3D[T=DT_FLOAT, data_format=\"NDHWC\", ksize=[1, 2, 2, 2, 1], padding=\"VALID\", strides=[1, 2, 2, 2, 1]](max_pooling3d/transpose)' with input shapes: [?,1,4,4,3].\n\nCall arguments received by layer \"max_pooling3d\" (type MaxPooling3D):\n  • inputs=tf.Tensor(shape=(None, 3, 1, 4, 4), dtype=float32)"
    ),
    Case(
      "AveragePooling3D", [.int(2)], [("data_format", .string("channels_first"))],
      [nil, 3, 1, 4, 4], "ValueError",
      "Exception encountered when calling layer \"average_pooling3d\" (type AveragePooling3D).\n\nNegative dimension size caused by subtracting 2 from 1 for '{{node average_pooling3d/AvgPool3D}} = AvgPool3D[T=DT_FLOAT, data_format=\"NDHWC\", ksize=[1, 2, 2, 2, 1], padding=\"VALID\", strides=[1, 2, 2, 2, 1]](average_pooling3d/transpose)' with input shapes: [?,1,4,4,3].\n\nCall arguments received by layer \"average_pooling3d\" (type AveragePooling3D):\n  • inputs=tf.Tensor(shape=(None, 3, 1, 4, 4), dtype=float32)"
    ),
    Case(
      "MaxPooling2D", [.int(2)], [("padding", .string("causal"))], [nil, 4, 4, 3], "ValueError",
      "Exception encountered when calling layer \"max_pooling2d\" (type MaxPooling2D).\n\nAttr 'padding' of 'MaxPool' Op passed string 'CAUSAL' not in: \"SAME\", \"VALID\", \"EXPLICIT\".\n\nCall arguments received by layer \"max_pooling2d\" (type MaxPooling2D):\n  • inputs=tf.Tensor(shape=(None, 4, 4, 3), dtype=float32)"
    ),
    Case(
      "MaxPooling1D", [.int(2)], [("padding", .string("causal"))], [nil, 4, 3], "ValueError",
      "Exception encountered when calling layer \"max_pooling1d\" (type MaxPooling1D).\n\nInvalid padding: causal\n\nCall arguments received by layer \"max_pooling1d\" (type MaxPooling1D):\n  • inputs=tf.Tensor(shape=(None, 4, 3), dtype=float32)"
    ),
    Case(
      "AveragePooling2D", [.int(2)], [("padding", .string("causal"))], [nil, 4, 4, 3], "ValueError",
      "Exception encountered when calling layer \"average_pooling2d\" (type AveragePooling2D).\n\nAttr 'padding' of 'AvgPool' Op passed string 'CAUSAL' not in: \"SAME\", \"VALID\".\n\nCall arguments received by layer \"average_pooling2d\" (type AveragePooling2D):\n  • inputs=tf.Tensor(shape=(None, 4, 4, 3), dtype=float32)"
    ),
    Case(
      "AveragePooling3D", [.int(2)], [("padding", .string("causal"))], [nil, 4, 4, 4, 3],
      "ValueError",
      "Exception encountered when calling layer \"average_pooling3d\" (type AveragePooling3D).\n\nAttr 'padding' of 'AvgPool3D' Op passed string 'CAUSAL' not in: \"SAME\", \"VALID\".\n\nCall arguments received by layer \"average_pooling3d\" (type AveragePooling3D):\n  • inputs=tf.Tensor(shape=(None, 4, 4, 4, 3), dtype=float32)"
    ),
    Case(
      "MaxPooling3D", [.int(2)], [("padding", .string("causal"))], [nil, 4, 4, 4, 3], "ValueError",
      "Exception encountered when calling layer \"max_pooling3d\" (type MaxPooling3D).\n\nAttr 'padding' of 'MaxPool3D' Op passed string 'CAUSAL' not in: \"SAME\", \"VALID\".\n\nCall arguments received by layer \"max_pooling3d\" (type MaxPooling3D):\n  • inputs=tf.Tensor(shape=(None, 4, 4, 4, 3), dtype=float32)"
    ),
    Case(
      "DepthwiseConv2D", [.int(3)], [], [nil, 2, 2, 3], "ValueError",
      "Exception encountered when calling layer \"depthwise_conv2d\" (type DepthwiseConv2D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node depthwise_conv2d/depthwise}} = DepthwiseConv2dNative[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1]](Placeholder, depthwise_conv2d/depthwise/ReadVariableOp)' with input shapes: [?,2,2,3], [3,3,3,1].\n\nCall arguments received by layer \"depthwise_conv2d\" (type DepthwiseConv2D):\n  • inputs=tf.Tensor(shape=(None, 2, 2, 3), dtype=float32)"
    ),
    Case(
      "DepthwiseConv2D", [.int(3)], [("depth_multiplier", .int(2)), ("strides", .int(2))],
      [nil, 2, 2, 3], "ValueError",
      "Exception encountered when calling layer \"depthwise_conv2d\" (type DepthwiseConv2D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node depthwise_conv2d/depthwise}} = DepthwiseConv2dNative[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 2, 2, 1]](Placeholder, depthwise_conv2d/depthwise/ReadVariableOp)' with input shapes: [?,2,2,3], [3,3,3,2].\n\nCall arguments received by layer \"depthwise_conv2d\" (type DepthwiseConv2D):\n  • inputs=tf.Tensor(shape=(None, 2, 2, 3), dtype=float32)"
    ),
    Case(
      "DepthwiseConv2D", [.int(3)], [("dilation_rate", .int(2))], [nil, 4, 4, 3], "ValueError",
      "Exception encountered when calling layer \"depthwise_conv2d\" (type DepthwiseConv2D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node depthwise_conv2d/depthwise}} = DepthwiseConv2dNative[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1]](depthwise_conv2d/depthwise/SpaceToBatchND, depthwise_conv2d/depthwise/ReadVariableOp)' with input shapes: [?,2,2,3], [3,3,3,1].\n\nCall arguments received by layer \"depthwise_conv2d\" (type DepthwiseConv2D):\n  • inputs=tf.Tensor(shape=(None, 4, 4, 3), dtype=float32)"
    ),
    Case(
      "DepthwiseConv2D", [.int(3)], [("data_format", .string("channels_first"))], [nil, 3, 2, 2],
      "ValueError",
      "Exception encountered when calling layer \"depthwise_conv2d\" (type DepthwiseConv2D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node depthwise_conv2d/depthwise}} = DepthwiseConv2dNative[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1]](depthwise_conv2d/transpose, depthwise_conv2d/depthwise/ReadVariableOp)' with input shapes: [?,2,2,3], [3,3,3,1].\n\nCall arguments received by layer \"depthwise_conv2d\" (type DepthwiseConv2D):\n  • inputs=tf.Tensor(shape=(None, 3, 2, 2), dtype=float32)"
    ),
    Case(
      "DepthwiseConv2D", [.int(8)], [], [nil, 5, 5, 3], "ValueError",
      "Exception encountered when calling layer \"depthwise_conv2d\" (type DepthwiseConv2D).\n\nNegative dimension size caused by subtracting 8 from 5 for '{{node depthwise_conv2d/depthwise}} = DepthwiseConv2dNative[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1]](Placeholder, depthwise_conv2d/depthwise/ReadVariableOp)' with input shapes: [?,5,5,3], [8,8,3,1].\n\nCall arguments received by layer \"depthwise_conv2d\" (type DepthwiseConv2D):\n  • inputs=tf.Tensor(shape=(None, 5, 5, 3), dtype=float32)"
    ),
    Case(
      "DepthwiseConv2D", [.int(3)], [("dilation_rate", .tuple([.int(3), .int(1)]))],
      [nil, 5, 9, 3], "ValueError",
      "Exception encountered when calling layer \"depthwise_conv2d\" (type DepthwiseConv2D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node depthwise_conv2d/depthwise}} = DepthwiseConv2dNative[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1]](depthwise_conv2d/depthwise/SpaceToBatchND, depthwise_conv2d/depthwise/ReadVariableOp)' with input shapes: [?,2,9,3], [3,3,3,1].\n\nCall arguments received by layer \"depthwise_conv2d\" (type DepthwiseConv2D):\n  • inputs=tf.Tensor(shape=(None, 5, 9, 3), dtype=float32)"
    ),
    Case(
      "DepthwiseConv2D", [.int(3)],
      [("dilation_rate", .int(3)), ("data_format", .string("channels_first"))], [nil, 3, 5, 5],
      "ValueError",
      "Exception encountered when calling layer \"depthwise_conv2d\" (type DepthwiseConv2D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node depthwise_conv2d/depthwise}} = DepthwiseConv2dNative[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1]](depthwise_conv2d/depthwise/SpaceToBatchND, depthwise_conv2d/depthwise/ReadVariableOp)' with input shapes: [?,2,2,3], [3,3,3,1].\n\nCall arguments received by layer \"depthwise_conv2d\" (type DepthwiseConv2D):\n  • inputs=tf.Tensor(shape=(None, 3, 5, 5), dtype=float32)"
    ),
    Case(
      "DepthwiseConv2D", [.int(3)],
      [("strides", .int(2)), ("data_format", .string("channels_first"))], [nil, 3, 2, 2],
      "ValueError",
      "Exception encountered when calling layer \"depthwise_conv2d\" (type DepthwiseConv2D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node depthwise_conv2d/depthwise}} = DepthwiseConv2dNative[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 2, 2, 1]](depthwise_conv2d/transpose, depthwise_conv2d/depthwise/ReadVariableOp)' with input shapes: [?,2,2,3], [3,3,3,1].\n\nCall arguments received by layer \"depthwise_conv2d\" (type DepthwiseConv2D):\n  • inputs=tf.Tensor(shape=(None, 3, 2, 2), dtype=float32)"
    ),
    Case(
      "DepthwiseConv2D", [.int(3)], [("dilation_rate", .int(2))], [8, 4, 4, 3], "ValueError",
      "Exception encountered when calling layer \"depthwise_conv2d\" (type DepthwiseConv2D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node depthwise_conv2d/depthwise}} = DepthwiseConv2dNative[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1]](depthwise_conv2d/depthwise/SpaceToBatchND, depthwise_conv2d/depthwise/ReadVariableOp)' with input shapes: [32,2,2,3], [3,3,3,1].\n\nCall arguments received by layer \"depthwise_conv2d\" (type DepthwiseConv2D):\n  • inputs=tf.Tensor(shape=(8, 4, 4, 3), dtype=float32)"
    ),
    Case(
      "DepthwiseConv1D", [.int(3)], [], [nil, 2, 3], "ValueError",
      "Exception encountered when calling layer \"depthwise_conv1d\" (type DepthwiseConv1D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node depthwise_conv1d/depthwise}} = DepthwiseConv2dNative[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1]](depthwise_conv1d/ExpandDims, depthwise_conv1d/ExpandDims_1)' with input shapes: [?,1,2,3], [1,3,3,1].\n\nCall arguments received by layer \"depthwise_conv1d\" (type DepthwiseConv1D):\n  • inputs=tf.Tensor(shape=(None, 2, 3), dtype=float32)"
    ),
    Case(
      "DepthwiseConv1D", [.int(3)], [("data_format", .string("channels_first"))], [nil, 3, 2],
      "ValueError",
      "Exception encountered when calling layer \"depthwise_conv1d\" (type DepthwiseConv1D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node depthwise_conv1d/depthwise}} = DepthwiseConv2dNative[T=DT_FLOAT, data_format=\"NCHW\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1]](depthwise_conv1d/ExpandDims, depthwise_conv1d/ExpandDims_1)' with input shapes: [?,3,1,2], [1,3,3,1].\n\nCall arguments received by layer \"depthwise_conv1d\" (type DepthwiseConv1D):\n  • inputs=tf.Tensor(shape=(None, 3, 2), dtype=float32)"
    ),
    Case(
      "DepthwiseConv1D", [.int(3)], [("dilation_rate", .int(3))], [nil, 5, 3], "ValueError",
      "Exception encountered when calling layer \"depthwise_conv1d\" (type DepthwiseConv1D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node depthwise_conv1d/depthwise}} = DepthwiseConv2dNative[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1]](depthwise_conv1d/depthwise/SpaceToBatchND, depthwise_conv1d/ExpandDims_1)' with input shapes: [?,1,2,3], [1,3,3,1].\n\nCall arguments received by layer \"depthwise_conv1d\" (type DepthwiseConv1D):\n  • inputs=tf.Tensor(shape=(None, 5, 3), dtype=float32)"
    ),
    Case(
      "DepthwiseConv1D", [.int(3)], [("strides", .int(2))], [nil, 2, 3], "ValueError",
      "Exception encountered when calling layer \"depthwise_conv1d\" (type DepthwiseConv1D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node depthwise_conv1d/depthwise}} = DepthwiseConv2dNative[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 2, 2, 1]](depthwise_conv1d/ExpandDims, depthwise_conv1d/ExpandDims_1)' with input shapes: [?,1,2,3], [1,3,3,1].\n\nCall arguments received by layer \"depthwise_conv1d\" (type DepthwiseConv1D):\n  • inputs=tf.Tensor(shape=(None, 2, 3), dtype=float32)"
    ),
    Case(
      "DepthwiseConv1D", [.int(3)],
      [("dilation_rate", .int(3)), ("data_format", .string("channels_first"))], [nil, 3, 5],
      "ValueError",
      "Exception encountered when calling layer \"depthwise_conv1d\" (type DepthwiseConv1D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node depthwise_conv1d/depthwise}} = DepthwiseConv2dNative[T=DT_FLOAT, data_format=\"NCHW\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1]](depthwise_conv1d/depthwise/SpaceToBatchND, depthwise_conv1d/ExpandDims_1)' with input shapes: [?,3,1,2], [1,3,3,1].\n\nCall arguments received by layer \"depthwise_conv1d\" (type DepthwiseConv1D):\n  • inputs=tf.Tensor(shape=(None, 3, 5), dtype=float32)"
    ),
    Case(
      "DepthwiseConv1D", [.int(3)],
      [("strides", .int(2)), ("data_format", .string("channels_first"))], [nil, 3, 2], "ValueError",
      "Exception encountered when calling layer \"depthwise_conv1d\" (type DepthwiseConv1D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node depthwise_conv1d/depthwise}} = DepthwiseConv2dNative[T=DT_FLOAT, data_format=\"NCHW\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 2, 2]](depthwise_conv1d/ExpandDims, depthwise_conv1d/ExpandDims_1)' with input shapes: [?,3,1,2], [1,3,3,1].\n\nCall arguments received by layer \"depthwise_conv1d\" (type DepthwiseConv1D):\n  • inputs=tf.Tensor(shape=(None, 3, 2), dtype=float32)"
    ),
    Case(
      "SeparableConv2D", [.int(4), .int(3)], [], [nil, 2, 2, 3], "ValueError",
      "Exception encountered when calling layer \"separable_conv2d\" (type SeparableConv2D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node separable_conv2d/separable_conv2d/depthwise}} = DepthwiseConv2dNative[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1]](Placeholder, separable_conv2d/separable_conv2d/ReadVariableOp)' with input shapes: [?,2,2,3], [3,3,3,1].\n\nCall arguments received by layer \"separable_conv2d\" (type SeparableConv2D):\n  • inputs=tf.Tensor(shape=(None, 2, 2, 3), dtype=float32)"
    ),
    Case(
      "SeparableConv2D", [.int(4), .int(3)], [("depth_multiplier", .int(2))], [nil, 2, 2, 3],
      "ValueError",
      "Exception encountered when calling layer \"separable_conv2d\" (type SeparableConv2D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node separable_conv2d/separable_conv2d/depthwise}} = DepthwiseConv2dNative[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1]](Placeholder, separable_conv2d/separable_conv2d/ReadVariableOp)' with input shapes: [?,2,2,3], [3,3,3,2].\n\nCall arguments received by layer \"separable_conv2d\" (type SeparableConv2D):\n  • inputs=tf.Tensor(shape=(None, 2, 2, 3), dtype=float32)"
    ),
    Case(
      "SeparableConv2D", [.int(4), .int(3)], [("data_format", .string("channels_first"))],
      [nil, 3, 2, 2], "ValueError",
      "Exception encountered when calling layer \"separable_conv2d\" (type SeparableConv2D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node separable_conv2d/separable_conv2d/depthwise}} = DepthwiseConv2dNative[T=DT_FLOAT, data_format=\"NCHW\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1]](Placeholder, separable_conv2d/separable_conv2d/ReadVariableOp)' with input shapes: [?,3,2,2], [3,3,3,1].\n\nCall arguments received by layer \"separable_conv2d\" (type SeparableConv2D):\n  • inputs=tf.Tensor(shape=(None, 3, 2, 2), dtype=float32)"
    ),
    Case(
      "SeparableConv2D", [.int(4), .int(8)], [], [nil, 5, 5, 3], "ValueError",
      "Exception encountered when calling layer \"separable_conv2d\" (type SeparableConv2D).\n\nNegative dimension size caused by subtracting 8 from 5 for '{{node separable_conv2d/separable_conv2d/depthwise}} = DepthwiseConv2dNative[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1]](Placeholder, separable_conv2d/separable_conv2d/ReadVariableOp)' with input shapes: [?,5,5,3], [8,8,3,1].\n\nCall arguments received by layer \"separable_conv2d\" (type SeparableConv2D):\n  • inputs=tf.Tensor(shape=(None, 5, 5, 3), dtype=float32)"
    ),
    Case(
      "SeparableConv2D", [.int(4), .int(3)], [("dilation_rate", .int(3))], [nil, 5, 5, 3],
      "ValueError",
      "Exception encountered when calling layer \"separable_conv2d\" (type SeparableConv2D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node separable_conv2d/separable_conv2d/depthwise}} = DepthwiseConv2dNative[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1]](separable_conv2d/separable_conv2d/SpaceToBatchND, separable_conv2d/separable_conv2d/ReadVariableOp)' with input shapes: [?,2,2,3], [3,3,3,1].\n\nCall arguments received by layer \"separable_conv2d\" (type SeparableConv2D):\n  • inputs=tf.Tensor(shape=(None, 5, 5, 3), dtype=float32)"
    ),
    Case(
      "SeparableConv2D", [.int(4), .int(3)],
      [("dilation_rate", .int(3)), ("data_format", .string("channels_first"))], [nil, 3, 5, 5],
      "ValueError",
      "Exception encountered when calling layer \"separable_conv2d\" (type SeparableConv2D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node separable_conv2d/separable_conv2d/depthwise}} = DepthwiseConv2dNative[T=DT_FLOAT, data_format=\"NCHW\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1]](separable_conv2d/separable_conv2d/SpaceToBatchND, separable_conv2d/separable_conv2d/ReadVariableOp)' with input shapes: [?,3,2,2], [3,3,3,1].\n\nCall arguments received by layer \"separable_conv2d\" (type SeparableConv2D):\n  • inputs=tf.Tensor(shape=(None, 3, 5, 5), dtype=float32)"
    ),
    Case(
      "SeparableConv2D", [.int(4), .int(3)],
      [("strides", .int(2)), ("data_format", .string("channels_first"))], [nil, 3, 2, 2],
      "ValueError",
      "Exception encountered when calling layer \"separable_conv2d\" (type SeparableConv2D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node separable_conv2d/separable_conv2d/depthwise}} = DepthwiseConv2dNative[T=DT_FLOAT, data_format=\"NCHW\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 2, 2]](Placeholder, separable_conv2d/separable_conv2d/ReadVariableOp)' with input shapes: [?,3,2,2], [3,3,3,1].\n\nCall arguments received by layer \"separable_conv2d\" (type SeparableConv2D):\n  • inputs=tf.Tensor(shape=(None, 3, 2, 2), dtype=float32)"
    ),
    Case(
      "SeparableConv1D", [.int(4), .int(3)], [], [nil, 2, 3], "ValueError",
      "Exception encountered when calling layer \"separable_conv1d\" (type SeparableConv1D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node separable_conv1d/separable_conv2d/depthwise}} = DepthwiseConv2dNative[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1]](separable_conv1d/ExpandDims, separable_conv1d/ExpandDims_1)' with input shapes: [?,1,2,3], [1,3,3,1].\n\nCall arguments received by layer \"separable_conv1d\" (type SeparableConv1D):\n  • inputs=tf.Tensor(shape=(None, 2, 3), dtype=float32)"
    ),
    Case(
      "SeparableConv1D", [.int(4), .int(3)], [("data_format", .string("channels_first"))],
      [nil, 3, 2], "ValueError",
      "Exception encountered when calling layer \"separable_conv1d\" (type SeparableConv1D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node separable_conv1d/separable_conv2d/depthwise}} = DepthwiseConv2dNative[T=DT_FLOAT, data_format=\"NCHW\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1]](separable_conv1d/ExpandDims, separable_conv1d/ExpandDims_1)' with input shapes: [?,3,1,2], [1,3,3,1].\n\nCall arguments received by layer \"separable_conv1d\" (type SeparableConv1D):\n  • inputs=tf.Tensor(shape=(None, 3, 2), dtype=float32)"
    ),
    Case(
      "SeparableConv1D", [.int(4), .int(3)], [("dilation_rate", .int(3))], [nil, 5, 3],
      "ValueError",
      "Exception encountered when calling layer \"separable_conv1d\" (type SeparableConv1D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node separable_conv1d/separable_conv2d/depthwise}} = DepthwiseConv2dNative[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1]](separable_conv1d/separable_conv2d/SpaceToBatchND, separable_conv1d/ExpandDims_1)' with input shapes: [?,1,2,3], [1,3,3,1].\n\nCall arguments received by layer \"separable_conv1d\" (type SeparableConv1D):\n  • inputs=tf.Tensor(shape=(None, 5, 3), dtype=float32)"
    ),
    Case(
      "SeparableConv1D", [.int(4), .int(3)], [("strides", .int(2))], [nil, 2, 3], "ValueError",
      "Exception encountered when calling layer \"separable_conv1d\" (type SeparableConv1D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node separable_conv1d/separable_conv2d/depthwise}} = DepthwiseConv2dNative[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 2, 2, 1]](separable_conv1d/ExpandDims, separable_conv1d/ExpandDims_1)' with input shapes: [?,1,2,3], [1,3,3,1].\n\nCall arguments received by layer \"separable_conv1d\" (type SeparableConv1D):\n  • inputs=tf.Tensor(shape=(None, 2, 3), dtype=float32)"
    ),
    Case(
      "SeparableConv1D", [.int(4), .int(3)],
      [("dilation_rate", .int(3)), ("data_format", .string("channels_first"))], [nil, 3, 5],
      "ValueError",
      "Exception encountered when calling layer \"separable_conv1d\" (type SeparableConv1D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node separable_conv1d/separable_conv2d/depthwise}} = DepthwiseConv2dNative[T=DT_FLOAT, data_format=\"NCHW\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1]](separable_conv1d/separable_conv2d/SpaceToBatchND, separable_conv1d/ExpandDims_1)' with input shapes: [?,3,1,2], [1,3,3,1].\n\nCall arguments received by layer \"separable_conv1d\" (type SeparableConv1D):\n  • inputs=tf.Tensor(shape=(None, 3, 5), dtype=float32)"
    ),
    Case(
      "SeparableConv1D", [.int(4), .int(3)],
      [("strides", .int(2)), ("data_format", .string("channels_first"))], [nil, 3, 2], "ValueError",
      "Exception encountered when calling layer \"separable_conv1d\" (type SeparableConv1D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node separable_conv1d/separable_conv2d/depthwise}} = DepthwiseConv2dNative[T=DT_FLOAT, data_format=\"NCHW\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 2, 2]](separable_conv1d/ExpandDims, separable_conv1d/ExpandDims_1)' with input shapes: [?,3,1,2], [1,3,3,1].\n\nCall arguments received by layer \"separable_conv1d\" (type SeparableConv1D):\n  • inputs=tf.Tensor(shape=(None, 3, 2), dtype=float32)"
    ),
    Case(
      "SeparableConv2D", [.int(4), .int(3)], [], [nil, 2, 4, 4, 3], "ValueError",
      "Exception encountered when calling layer \"separable_conv2d\" (type SeparableConv2D).\n\nShape must be rank 4 but is rank 5 for '{{node separable_conv2d/separable_conv2d/depthwise}} = DepthwiseConv2dNative[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1]](Placeholder, separable_conv2d/separable_conv2d/ReadVariableOp)' with input shapes: [?,2,4,4,3], [3,3,3,1].\n\nCall arguments received by layer \"separable_conv2d\" (type SeparableConv2D):\n  • inputs=tf.Tensor(shape=(None, 2, 4, 4, 3), dtype=float32)"
    ),
    Case(
      "SeparableConv1D", [.int(4), .int(3)], [], [nil, 2, 4, 3], "ValueError",
      "Exception encountered when calling layer \"separable_conv1d\" (type SeparableConv1D).\n\nShape must be rank 4 but is rank 5 for '{{node separable_conv1d/separable_conv2d/depthwise}} = DepthwiseConv2dNative[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1]](separable_conv1d/ExpandDims, separable_conv1d/ExpandDims_1)' with input shapes: [?,1,2,4,3], [1,3,3,1].\n\nCall arguments received by layer \"separable_conv1d\" (type SeparableConv1D):\n  • inputs=tf.Tensor(shape=(None, 2, 4, 3), dtype=float32)"
    ),
    Case(
      "Conv1D", [.int(4), .int(3)], [], [nil, 2, 3], "ValueError",
      "Exception encountered when calling layer \"conv1d\" (type Conv1D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node conv1d/Conv1D}} = Conv2D[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1], use_cudnn_on_gpu=true](conv1d/Conv1D/ExpandDims, conv1d/Conv1D/ExpandDims_1)' with input shapes: [?,1,2,3], [1,3,3,4].\n\nCall arguments received by layer \"conv1d\" (type Conv1D):\n  • inputs=tf.Tensor(shape=(None, 2, 3), dtype=float32)"
    ),
    Case(
      "Conv1D", [.int(4), .int(4)], [("strides", .int(3))], [nil, 2, 3], "ValueError",
      "Exception encountered when calling layer \"conv1d\" (type Conv1D).\n\nNegative dimension size caused by subtracting 4 from 2 for '{{node conv1d/Conv1D}} = Conv2D[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 3, 1], use_cudnn_on_gpu=true](conv1d/Conv1D/ExpandDims, conv1d/Conv1D/ExpandDims_1)' with input shapes: [?,1,2,3], [1,4,3,4].\n\nCall arguments received by layer \"conv1d\" (type Conv1D):\n  • inputs=tf.Tensor(shape=(None, 2, 3), dtype=float32)"
    ),
    Case(
      "Conv1D", [.int(4), .int(3)], [("dilation_rate", .int(2))], [nil, 4, 3], "ValueError",
      "Exception encountered when calling layer \"conv1d\" (type Conv1D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node conv1d/Conv1D}} = Conv2D[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1], use_cudnn_on_gpu=true](conv1d/Conv1D/ExpandDims, conv1d/Conv1D/ExpandDims_1)' with input shapes: [?,1,2,3], [1,3,3,4].\n\nCall arguments received by layer \"conv1d\" (type Conv1D):\n  • inputs=tf.Tensor(shape=(None, 4, 3), dtype=float32)"
    ),
    Case(
      "Conv1D", [.int(4), .int(3)], [("data_format", .string("channels_first"))], [nil, 3, 2],
      "ValueError",
      "Exception encountered when calling layer \"conv1d\" (type Conv1D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node conv1d/Conv1D}} = Conv2D[T=DT_FLOAT, data_format=\"NCHW\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1], use_cudnn_on_gpu=true](conv1d/Conv1D/ExpandDims, conv1d/Conv1D/ExpandDims_1)' with input shapes: [?,3,1,2], [1,3,3,4].\n\nCall arguments received by layer \"conv1d\" (type Conv1D):\n  • inputs=tf.Tensor(shape=(None, 3, 2), dtype=float32)"
    ),
    Case(
      "Conv1D", [.int(4), .int(3)],
      [("dilation_rate", .int(2)), ("data_format", .string("channels_first"))], [nil, 3, 4],
      "ValueError",
      "Exception encountered when calling layer \"conv1d\" (type Conv1D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node conv1d/Conv1D}} = Conv2D[T=DT_FLOAT, data_format=\"NCHW\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1], use_cudnn_on_gpu=true](conv1d/Conv1D/ExpandDims, conv1d/Conv1D/ExpandDims_1)' with input shapes: [?,3,1,2], [1,3,3,4].\n\nCall arguments received by layer \"conv1d\" (type Conv1D):\n  • inputs=tf.Tensor(shape=(None, 3, 4), dtype=float32)"
    ),
    Case(
      "Conv2D", [.int(4), .int(3)], [("data_format", .string("channels_first"))], [nil, 3, 2, 2],
      "ValueError",
      "Exception encountered when calling layer \"conv2d\" (type Conv2D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node conv2d/Conv2D}} = Conv2D[T=DT_FLOAT, data_format=\"NCHW\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1], use_cudnn_on_gpu=true](Placeholder, conv2d/Conv2D/ReadVariableOp)' with input shapes: [?,3,2,2], [3,3,3,4].\n\nCall arguments received by layer \"conv2d\" (type Conv2D):\n  • inputs=tf.Tensor(shape=(None, 3, 2, 2), dtype=float32)"
    ),
    Case(
      "Conv2D", [.int(4), .int(3)], [("dilation_rate", .int(2))], [nil, 4, 4, 3], "ValueError",
      "Exception encountered when calling layer \"conv2d\" (type Conv2D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node conv2d/Conv2D}} = Conv2D[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1], use_cudnn_on_gpu=true](conv2d/Conv2D/SpaceToBatchND, conv2d/Conv2D/ReadVariableOp)' with input shapes: [?,2,2,3], [3,3,3,4].\n\nCall arguments received by layer \"conv2d\" (type Conv2D):\n  • inputs=tf.Tensor(shape=(None, 4, 4, 3), dtype=float32)"
    ),
    Case(
      "Conv2D", [.int(4), .int(3)], [("dilation_rate", .tuple([.int(2), .int(1)]))],
      [nil, 4, 9, 3], "ValueError",
      "Exception encountered when calling layer \"conv2d\" (type Conv2D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node conv2d/Conv2D}} = Conv2D[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1], use_cudnn_on_gpu=true](conv2d/Conv2D/SpaceToBatchND, conv2d/Conv2D/ReadVariableOp)' with input shapes: [?,2,9,3], [3,3,3,4].\n\nCall arguments received by layer \"conv2d\" (type Conv2D):\n  • inputs=tf.Tensor(shape=(None, 4, 9, 3), dtype=float32)"
    ),
    Case(
      "Conv2D", [.int(4), .int(4)], [("strides", .int(2))], [nil, 3, 3, 3], "ValueError",
      "Exception encountered when calling layer \"conv2d\" (type Conv2D).\n\nNegative dimension size caused by subtracting 4 from 3 for '{{node conv2d/Conv2D}} = Conv2D[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 2, 2, 1], use_cudnn_on_gpu=true](Placeholder, conv2d/Conv2D/ReadVariableOp)' with input shapes: [?,3,3,3], [4,4,3,4].\n\nCall arguments received by layer \"conv2d\" (type Conv2D):\n  • inputs=tf.Tensor(shape=(None, 3, 3, 3), dtype=float32)"
    ),
    Case(
      "Conv2D", [.int(4), .int(3)],
      [("dilation_rate", .int(2)), ("data_format", .string("channels_first"))], [nil, 3, 4, 4],
      "ValueError",
      "Exception encountered when calling layer \"conv2d\" (type Conv2D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node conv2d/Conv2D}} = Conv2D[T=DT_FLOAT, data_format=\"NCHW\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1], use_cudnn_on_gpu=true](conv2d/Conv2D/SpaceToBatchND, conv2d/Conv2D/ReadVariableOp)' with input shapes: [?,3,2,2], [3,3,3,4].\n\nCall arguments received by layer \"conv2d\" (type Conv2D):\n  • inputs=tf.Tensor(shape=(None, 3, 4, 4), dtype=float32)"
    ),
    Case(
      "Conv2D", [.int(4), .int(3)], [], [8, 2, 2, 3], "ValueError",
      "Exception encountered when calling layer \"conv2d\" (type Conv2D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node conv2d/Conv2D}} = Conv2D[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1], use_cudnn_on_gpu=true](Placeholder, conv2d/Conv2D/ReadVariableOp)' with input shapes: [8,2,2,3], [3,3,3,4].\n\nCall arguments received by layer \"conv2d\" (type Conv2D):\n  • inputs=tf.Tensor(shape=(8, 2, 2, 3), dtype=float32)"
    ),
    Case(
      "Conv2D", [.int(4), .int(3)], [], [nil, nil, 2, 3], "ValueError",
      "Exception encountered when calling layer \"conv2d\" (type Conv2D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node conv2d/Conv2D}} = Conv2D[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1], use_cudnn_on_gpu=true](Placeholder, conv2d/Conv2D/ReadVariableOp)' with input shapes: [?,?,2,3], [3,3,3,4].\n\nCall arguments received by layer \"conv2d\" (type Conv2D):\n  • inputs=tf.Tensor(shape=(None, None, 2, 3), dtype=float32)"
    ),
    Case(
      "Conv3D", [.int(4), .int(3)], [("dilation_rate", .int(2))], [nil, 4, 9, 9, 3], "ValueError",
      "Exception encountered when calling layer \"conv3d\" (type Conv3D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node conv3d/Conv3D}} = Conv3D[T=DT_FLOAT, data_format=\"NDHWC\", dilations=[1, 1, 1, 1, 1], padding=\"VALID\", strides=[1, 1, 1, 1, 1]](conv3d/Conv3D/SpaceToBatchND, conv3d/Conv3D/ReadVariableOp)' with input shapes: [?,2,5,5,3], [3,3,3,3,4].\n\nCall arguments received by layer \"conv3d\" (type Conv3D):\n  • inputs=tf.Tensor(shape=(None, 4, 9, 9, 3), dtype=float32)"
    ),
    Case(
      "Conv3D", [.int(4), .int(3)], [("strides", .int(2))], [nil, 2, 9, 9, 3], "ValueError",
      "Exception encountered when calling layer \"conv3d\" (type Conv3D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node conv3d/Conv3D}} = Conv3D[T=DT_FLOAT, data_format=\"NDHWC\", dilations=[1, 1, 1, 1, 1], padding=\"VALID\", strides=[1, 2, 2, 2, 1]](Placeholder, conv3d/Conv3D/ReadVariableOp)' with input shapes: [?,2,9,9,3], [3,3,3,3,4].\n\nCall arguments received by layer \"conv3d\" (type Conv3D):\n  • inputs=tf.Tensor(shape=(None, 2, 9, 9, 3), dtype=float32)"
    ),
    Case(
      "Conv3D", [.int(4), .int(3)],
      [("dilation_rate", .int(2)), ("data_format", .string("channels_first"))], [nil, 3, 4, 9, 9],
      "ValueError",
      "Exception encountered when calling layer \"conv3d\" (type Conv3D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node conv3d/Conv3D}} = Conv3D[T=DT_FLOAT, data_format=\"NCDHW\", dilations=[1, 1, 1, 1, 1], padding=\"VALID\", strides=[1, 1, 1, 1, 1]](conv3d/Conv3D/SpaceToBatchND, conv3d/Conv3D/ReadVariableOp)' with input shapes: [?,3,2,5,5], [3,3,3,3,4].\n\nCall arguments received by layer \"conv3d\" (type Conv3D):\n  • inputs=tf.Tensor(shape=(None, 3, 4, 9, 9), dtype=float32)"
    ),
    Case(
      "Conv1D", [.int(4), .int(8)], [], [nil, 2, 5, 3], "ValueError",
      "One of the dimensions in the output is <= 0 due to downsampling in conv1d. Consider increasing the input size. Received input shape [None, 2, 5, 3] which would produce output shape with a zero or negative value in a dimension."
    ),
    Case(
      "Conv2D", [.int(4), .int(8)], [], [nil, 2, 2, 5, 3], "ValueError",
      "One of the dimensions in the output is <= 0 due to downsampling in conv2d. Consider increasing the input size. Received input shape [None, 2, 2, 5, 3] which would produce output shape with a zero or negative value in a dimension."
    ),
    Case(
      "DepthwiseConv2D", [.int(3)], [], [nil, 2, 2, 2, 3], "ValueError",
      "Inputs to `DepthwiseConv` should have rank 4. Received input_shape=(None, 2, 2, 2, 3)."),
    Case(
      "DepthwiseConv1D", [.int(3)], [], [nil, 2, 4, 3], "ValueError",
      "Inputs to `DepthwiseConv` should have rank 3. Received input_shape=(None, 2, 4, 3)."),
    Case(
      "SeparableConv2D", [.int(4), .int(3)], [], [nil, 2, 3], "ValueError",
      "Input 0 of layer \"separable_conv2d\" is incompatible with the layer: expected min_ndim=4, found ndim=3. Full shape received: (None, 2, 3)"
    ),
    Case(
      "SeparableConv1D", [.int(4), .int(3)], [], [nil, 3], "ValueError",
      "Input 0 of layer \"separable_conv1d\" is incompatible with the layer: expected min_ndim=3, found ndim=2. Full shape received: (None, 3)"
    ),
    Case(
      "DepthwiseConv1D", [.int(3)], [], [nil, 3], "ValueError",
      "Input 0 of layer \"depthwise_conv1d\" is incompatible with the layer: expected min_ndim=3, found ndim=2. Full shape received: (None, 3)"
    ),
    Case(
      "Conv2DTranspose", [.int(4), .int(3)], [], [nil, 2, 4, 4, 3], "ValueError",
      "Inputs should have rank 4. Received input_shape=(None, 2, 4, 4, 3)."),
    Case(
      "Conv2DTranspose", [.int(4), .int(3)], [], [nil, 4, 3], "ValueError",
      "Input 0 of layer \"conv2d_transpose\" is incompatible with the layer: expected min_ndim=4, found ndim=3. Full shape received: (None, 4, 3)"
    ),
    Case(
      "Conv1DTranspose", [.int(4), .int(3)], [], [nil, 2, 4, 3], "ValueError",
      "Inputs should have rank 3. Received input_shape=(None, 2, 4, 3)."),
    Case(
      "Conv3DTranspose", [.int(4), .int(3)], [], [nil, 4, 4, 3], "ValueError",
      "Input 0 of layer \"conv3d_transpose\" is incompatible with the layer: expected min_ndim=5, found ndim=4. Full shape received: (None, 4, 4, 3)"
    ),
    Case(
      "Conv2D", [.int(4), .int(3)], [], [nil, 4, 4, nil], "ValueError",
      "The channel dimension of the inputs should be defined. The input_shape received is (None, 4, 4, None), where axis -1 (0-based) is the channel dimension, which found to be `None`."
    ),
    Case(
      "Conv2D", [.int(4), .int(3)], [("data_format", .string("channels_first"))], [nil, nil, 4, 4],
      "ValueError",
      "The channel dimension of the inputs should be defined. The input_shape received is (None, None, 4, 4), where axis -3 (0-based) is the channel dimension, which found to be `None`."
    ),
    Case(
      "DepthwiseConv2D", [.int(3)], [], [nil, 4, 4, nil], "ValueError",
      "The channel dimension of the inputs to `DepthwiseConv` should be defined. The input_shape received is (None, 4, 4, None), where axis -1 (0-based) is the channel dimension, which found to be `None`."
    ),
    Case(
      "DepthwiseConv2D", [.int(3)], [("data_format", .string("channels_first"))], [nil, nil, 4, 4],
      "ValueError",
      "The channel dimension of the inputs to `DepthwiseConv` should be defined. The input_shape received is (None, None, 4, 4), where axis -3 (0-based) is the channel dimension, which found to be `None`."
    ),
    Case(
      "SeparableConv2D", [.int(4), .int(3)], [], [nil, 4, 4, nil], "ValueError",
      "The channel dimension of the inputs should be defined. The input_shape received is (None, 4, 4, None), where axis -1 (0-based) is the channel dimension, which found to be `None`."
    ),
    Case(
      "Conv2DTranspose", [.int(4), .int(3)], [], [nil, 4, 4, nil], "ValueError",
      "The channel dimension of the inputs to `Conv2DTranspose` should be defined. The input_shape received is (None, 4, 4, None), where axis -1 (0-based) is the channel dimension, which found to be `None`."
    ),
    Case(
      "Conv2DTranspose", [.int(4), .int(3)], [("data_format", .string("channels_first"))],
      [nil, nil, 4, 4], "ValueError",
      "The channel dimension of the inputs to `Conv2DTranspose` should be defined. The input_shape received is (None, None, 4, 4), where axis -3 (0-based) is the channel dimension, which found to be `None`."
    ),
    Case(
      "BatchNormalization", [], [], [nil, nil], "ValueError",
      "Input has undefined `axis` dimension. Received input with shape (None, None) and axis=(1,)"),
    Case(
      "Reshape", [.tuple([.int(7), .int(7), .int(32)])], [], [nil, 3136], "ValueError",
      "Exception encountered when calling layer \"reshape\" (type Reshape).\n\ntotal size of new array must be unchanged, input_shape = [3136], output_shape = [7, 7, 32]\n\nCall arguments received by layer \"reshape\" (type Reshape):\n  • inputs=tf.Tensor(shape=(None, 3136), dtype=float32)"
    ),
    Case(
      "Cropping1D", [.tuple([.int(3), .int(3)])], [], [nil, 5, 2], "ValueError",
      "Exception encountered when calling layer \"cropping1d\" (type Cropping1D).\n\ncropping parameter of Cropping layer must be greater than the input shape. Received: inputs.shape=(None, 5, 2), and cropping=(3, 3)\n\nCall arguments received by layer \"cropping1d\" (type Cropping1D):\n  • inputs=tf.Tensor(shape=(None, 5, 2), dtype=float32)"
    ),
    Case(
      "Dropout", [.float(1.5)], [], nil, "ValueError",
      "Invalid value 1.5 received for `rate`, expected a value between 0 and 1."),
    Case(
      "Dropout", [.int(2)], [], nil, "ValueError",
      "Invalid value 2 received for `rate`, expected a value between 0 and 1."),
    Case(
      "SpatialDropout2D", [.float(-0.5)], [], nil, "ValueError",
      "Invalid value -0.5 received for `rate`, expected a value between 0 and 1."),
    Case(
      "Conv2D", [.int(4), .tuple([.int(3), .int(0)])], [], nil, "ValueError",
      "The `kernel_size` argument must be a tuple of 2 integers. Received: (3, 0) including {0} that does not satisfy the requirement `> 0`."
    ),
    Case(
      "Conv2D", [.int(4), .tuple([.int(3), .int(-1)])], [], nil, "ValueError",
      "The `kernel_size` argument must be a tuple of 2 integers. Received: (3, -1) including {-1} that does not satisfy the requirement `> 0`."
    ),
    Case(
      "Conv2D", [.int(4), .tuple([.int(-1), .int(0)])], [], nil, "ValueError",
      "The `kernel_size` argument must be a tuple of 2 integers. Received: (-1, 0) including {0, -1} that does not satisfy the requirement `> 0`."
    ),
    Case(
      "Conv2D", [.int(4), .tuple([.int(0), .int(-1)])], [], nil, "ValueError",
      "The `kernel_size` argument must be a tuple of 2 integers. Received: (0, -1) including {0, -1} that does not satisfy the requirement `> 0`."
    ),
    Case(
      "Conv2D", [.int(4), .tuple([.int(3), .string("a")])], [], nil, "ValueError",
      "The `kernel_size` argument must be a tuple of 2 integers. Received: (3, 'a')including element a of type <class 'str'>"
    ),
    Case(
      "Conv2D", [.int(4), .list([.int(3), .int(3), .int(3)])], [], nil, "ValueError",
      "The `kernel_size` argument must be a tuple of 2 integers. Received: [3, 3, 3]"),
    Case(
      "Conv1D", [.int(4), .int(3)], [("strides", .int(-1))], nil, "ValueError",
      "The `strides` argument must be a tuple of 1 integers. Received: -1 including {-1} that does not satisfy the requirement `>= 0`."
    ),
    Case(
      "MaxPooling2D", [.tuple([.int(2), .int(-3)])], [], nil, "ValueError",
      "The `pool_size` argument must be a tuple of 2 integers. Received: (2, -3) including {-3} that does not satisfy the requirement `> 0`."
    ),
    Case(
      "Conv2D", [.int(4), .int(3)], [("padding", .string("causal"))], nil, "ValueError",
      "Causal padding is only supported for `Conv1D`and `SeparableConv1D`."),
    Case(
      "Dense", [.int(4)], [("activation", .string("rectifier"))], nil, "ValueError",
      "Unknown activation function 'rectifier' cannot be deserialized."),
    Case(
      "Conv1D", [.int(4), .int(3)], [], [nil, 2, 2, 3], "ValueError",
      "Exception encountered when calling layer \"conv1d\" (type Conv1D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node conv1d/Conv1D/Conv2D}} = Conv2D[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1], use_cudnn_on_gpu=true](conv1d/Conv1D/Reshape, conv1d/Conv1D/ExpandDims_1)' with input shapes: [?,1,2,3], [1,3,3,4].\n\nCall arguments received by layer \"conv1d\" (type Conv1D):\n  • inputs=tf.Tensor(shape=(None, 2, 2, 3), dtype=float32)"
    ),
    Case(
      "Conv2D", [.int(4), .int(3)], [], [nil, 2, 2, 2, 3], "ValueError",
      "Exception encountered when calling layer \"conv2d\" (type Conv2D).\n\nNegative dimension size caused by subtracting 3 from 2 for '{{node conv2d/Conv2D/Conv2D}} = Conv2D[T=DT_FLOAT, data_format=\"NHWC\", dilations=[1, 1, 1, 1], explicit_paddings=[], padding=\"VALID\", strides=[1, 1, 1, 1], use_cudnn_on_gpu=true](conv2d/Conv2D/Reshape, conv2d/Conv2D/Conv2D/ReadVariableOp)' with input shapes: [?,2,2,3], [3,3,3,4].\n\nCall arguments received by layer \"conv2d\" (type Conv2D):\n  • inputs=tf.Tensor(shape=(None, 2, 2, 2, 3), dtype=float32)"
    ),
  ]

  /// Inputs with extra batch axes that fit.
  @Test func convolutionsTakeExtraBatchAxes() throws {
    let names = NameScope(kerasVersion: .keras2)
    let conv1D = try LayerCatalog.make(
      className: "Conv1D", positional: [.int(4), .int(3)], keywords: [], names: names)
    #expect(
      try conv1D.outputShape(for: TensorShape([nil, 2, 9, 3])) == TensorShape([nil, 2, 7, 4]))
    let conv2D = try LayerCatalog.make(
      className: "Conv2D", positional: [.int(4), .int(3)], keywords: [("dilation_rate", .int(2))],
      names: names)
    #expect(
      try conv2D.outputShape(for: TensorShape([nil, 2, 9, 9, 3])) == TensorShape([nil, 2, 5, 5, 4]))
  }

  @Test(arguments: cases)
  func layerErrorMatchesKeras(_ testCase: Case) throws {
    let error: KerasError? = {
      do throws(KerasError) {
        let layer = try LayerCatalog.make(
          className: testCase.className, positional: testCase.positional,
          keywords: testCase.keywords,
          names: NameScope(kerasVersion: .keras2))
        if let shape = testCase.batchInputShape {
          _ = try layer.outputShape(for: TensorShape(shape))
        }
        return nil
      } catch {
        return error
      }
    }()
    #expect(error?.type == testCase.type)
    #expect(error?.message == testCase.message)
  }

  @Test func pythonSetOrderFollowsCPython() {
    #expect(PythonFormat.setOrder([0, -1]) == [0, -1])
    #expect(PythonFormat.setOrder([-1, 0]) == [0, -1])
    #expect(PythonFormat.setOrder([-3, -1]) == [-3, -1])
    #expect(PythonFormat.setOrder([-9, 0, -1]) == [0, -1, -9])
  }
}
