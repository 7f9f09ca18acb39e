// AVX-512 register tiles of ConvBook's convolution kernels, chosen at run time.
//
// CNNKernels is compiled for x86-64-v3 (AVX2 + FMA) so that it runs on every machine the course
// targets; Swift has no per-function target attributes, so the AVX-512 variants of its hottest
// inner loops live here, in C, each function compiled for AVX-512 on its own and called only
// after `cb_avx512_usable()` said the processor and the operating system support it.
//
// Every output value is the same single FMA chain over its taps, in the same order, as the Swift
// AVX2 tiles compute it (ConvolutionMicrokernel.swift), then the same bias addition and clamp:
// IEEE fused multiply-add is exact per lane, so both paths give bitwise identical results.
#ifndef CNN_KERNELS_X86_H
#define CNN_KERNELS_X86_H

#include <stdint.h>

/// A run of consecutive input values meeting consecutive packed weight rows (Swift's
/// `ConvolutionMicrokernel.Segment`, same layout: three Ints).
typedef struct {
  intptr_t input;
  intptr_t weight;
  intptr_t length;
} cb_segment;

/// 1 when this processor and operating system run AVX-512F code (cpuid and XCR0), else 0.
int cb_avx512_usable(void);

/// `rows` (1...6, or 12 with one block) pixels at `pixel + r * pixel_stride` x `blocks` (1 or 2) packed 16-filter
/// blocks (the second one `block_stride` floats after the first, its bias and outputs 16 after
/// the first's) -> outputs at `output + r * output_stride`; the last block stores `last_lanes`
/// (1...16) lanes. `clamp` 0: no clamp; else values below `lower` become `lower` and, when
/// `upper` is finite, values above `upper` become `upper`.
void cb_avx512_tile(
    const cb_segment *segments, intptr_t segment_count, const float *pixel,
    intptr_t pixel_stride, intptr_t rows, const float *weights, intptr_t block_stride,
    intptr_t blocks, const float *bias, int clamp, float lower, float upper, intptr_t last_lanes,
    float *output, intptr_t output_stride);

/// The processor's own approximate reciprocal square roots of 8 floats (`vrsqrtps`, AVX), the
/// starting point of Eigen's packet `rsqrt` in TensorFlow; its table differs between processor
/// makers, so it is read from this machine's instruction as TensorFlow reads it. Not x86-64:
/// 1 / sqrt(x).
void cb_rsqrt_approximation8(const float *input, float *output);

/// The processor's own approximate reciprocals of 8 floats (`vrcpps`, AVX), the starting point of
/// Eigen's packet `reciprocal` in TensorFlow (softmax's 1 / sum); like `vrsqrtps`, its table
/// differs between processor makers. Not x86-64: 1 / x.
void cb_rcp_approximation8(const float *input, float *output);

/// 1 when TensorFlow's Linux builds turn oneDNN on by default on this processor
/// (`DefaultOneDnnPolicy` in tensorflow/core/util/port.cc): it reports AVX512_VNNI, AVX512_BF16,
/// AVX_VNNI, AMX_TILE, AMX_INT8 or AMX_BF16 (the AVX-512 ones only where the operating system
/// saves ZMM state). Not x86-64: 0.
int cb_onednn_features(void);

#endif
