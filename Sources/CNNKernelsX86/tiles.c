#include "CNNKernelsX86.h"

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#include <math.h>

int cb_avx512_usable(void) {
  unsigned int eax, ebx, ecx, edx;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
  // OSXSAVE (the OS manages extended state) before reading XCR0.
  if (!(ecx & (1u << 27))) return 0;
  if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
  if (!(ebx & (1u << 16))) return 0;  // AVX512F
  unsigned int xcr0_low, xcr0_high;
  __asm__ volatile("xgetbv" : "=a"(xcr0_low), "=d"(xcr0_high) : "c"(0));
  // SSE, AVX, opmask, upper halves of ZMM0-15, ZMM16-31: all enabled by the OS.
  const unsigned int needed = (1u << 1) | (1u << 2) | (1u << 5) | (1u << 6) | (1u << 7);
  return (xcr0_low & needed) == needed;
}

#define CB_AVX512 __attribute__((target("avx512f")))

// Bias, optional clamp (a blend on `<` / `>` as the Swift tiles do, so NaN stays NaN), store.
static inline __attribute__((always_inline)) CB_AVX512 void cb_finish(
    __m512 value, const float *bias, int clamp, __m512 lower, __m512 upper, int clampUpper,
    __mmask16 mask, float *output) {
  value = _mm512_add_ps(value, _mm512_loadu_ps(bias));
  if (clamp) {
    value = _mm512_mask_blend_ps(_mm512_cmp_ps_mask(value, lower, _CMP_LT_OQ), value, lower);
    if (clampUpper) {
      value = _mm512_mask_blend_ps(_mm512_cmp_ps_mask(value, upper, _CMP_GT_OQ), value, upper);
    }
  }
  if (mask == 0xFFFF) {
    _mm512_storeu_ps(output, value);
  } else {
    _mm512_mask_storeu_ps(output, mask, value);
  }
}

// One FMA chain per output value over every segment's taps in order (as the Swift tiles).
#define CB_TILE(NAME, ROWS, BLOCKS)                                                            \
  static CB_AVX512 void NAME(                                                                  \
      const cb_segment *segments, intptr_t segment_count, const float *pixel,                  \
      intptr_t pixel_stride, const float *weights, intptr_t block_stride, const float *bias,   \
      int clamp, float lower, float upper, intptr_t last_lanes, float *output,                 \
      intptr_t output_stride) {                                                                \
    __m512 acc[ROWS][BLOCKS];                                                                  \
    _Pragma("clang loop unroll(full)") for (int r = 0; r < ROWS; r++)                          \
      for (int b = 0; b < BLOCKS; b++) acc[r][b] = _mm512_setzero_ps();                        \
    /* One flat loop with a rarely taken segment switch: nested loops spill the accumulators */ \
    /* at every inner-loop exit (segments may be as short as one output row). */                \
    const intptr_t stride2 = pixel_stride * 2;                                                 \
    const intptr_t stride3 = pixel_stride * 3;                                                 \
    const intptr_t stride4 = pixel_stride * 4;                                                 \
    intptr_t s = 0;                                                                            \
    intptr_t remaining = 0;                                                                    \
    const float *x = pixel;                                                                    \
    const float *w = weights;                                                                  \
    for (;;) {                                                                                 \
      if (remaining == 0) {                                                                    \
        while (s < segment_count && segments[s].length == 0) s++;                              \
        if (s == segment_count) break;                                                         \
        x = pixel + segments[s].input;                                                         \
        w = weights + segments[s].weight;                                                      \
        remaining = segments[s].length;                                                        \
        s++;                                                                                   \
      }                                                                                        \
      __m512 wv[BLOCKS];                                                                       \
      _Pragma("clang loop unroll(full)") for (int b = 0; b < BLOCKS; b++) wv[b] = _mm512_loadu_ps(w + b * block_stride);          \
      /* Rows r = 4q + m at x + 4q * pixel_stride + m * pixel_stride: three bases, three */    \
      /* strides, so the row addresses fit in addressing modes. */                             \
      const float *xq[3] = {x, x + stride4, x + stride4 * 2};                                  \
      _Pragma("clang loop unroll(full)") for (int r = 0; r < ROWS; r++) {                                                       \
        const float *row = xq[r / 4];                                                          \
        const intptr_t m = r % 4;                                                              \
        const float value = m == 0 ? row[0] : m == 1 ? row[pixel_stride]                       \
                          : m == 2 ? row[stride2] : row[stride3];                              \
        const __m512 v = _mm512_set1_ps(value);                                                \
        for (int b = 0; b < BLOCKS; b++) acc[r][b] = _mm512_fmadd_ps(v, wv[b], acc[r][b]);     \
      }                                                                                        \
      x += 1;                                                                                  \
      w += 16;                                                                                 \
      remaining -= 1;                                                                          \
    }                                                                                          \
    const __m512 lowerV = _mm512_set1_ps(lower);                                               \
    const __m512 upperV = _mm512_set1_ps(upper);                                               \
    const int clampUpper = clamp && upper < INFINITY;                                          \
    const __mmask16 lastMask = (__mmask16)((1u << last_lanes) - 1u);                           \
    _Pragma("clang loop unroll(full)") for (int r = 0; r < ROWS; r++)                          \
      for (int b = 0; b < BLOCKS; b++)                                                         \
        cb_finish(acc[r][b], bias + 16 * b, clamp, lowerV, upperV, clampUpper,                 \
                  b == BLOCKS - 1 ? lastMask : (__mmask16)0xFFFF,                              \
                  output + r * output_stride + 16 * b);                                        \
  }

CB_TILE(cb_tile1x16, 1, 1)
CB_TILE(cb_tile2x16, 2, 1)
CB_TILE(cb_tile3x16, 3, 1)
CB_TILE(cb_tile4x16, 4, 1)
CB_TILE(cb_tile5x16, 5, 1)
CB_TILE(cb_tile6x16, 6, 1)
CB_TILE(cb_tile12x16, 12, 1)
CB_TILE(cb_tile1x32, 1, 2)
CB_TILE(cb_tile2x32, 2, 2)
CB_TILE(cb_tile3x32, 3, 2)
CB_TILE(cb_tile4x32, 4, 2)
CB_TILE(cb_tile5x32, 5, 2)
CB_TILE(cb_tile6x32, 6, 2)

typedef void (*cb_tile_function)(
    const cb_segment *, intptr_t, const float *, intptr_t, const float *, intptr_t,
    const float *, int, float, float, intptr_t, float *, intptr_t);

void cb_avx512_tile(
    const cb_segment *segments, intptr_t segment_count, const float *pixel,
    intptr_t pixel_stride, intptr_t rows, const float *weights, intptr_t block_stride,
    intptr_t blocks, const float *bias, int clamp, float lower, float upper, intptr_t last_lanes,
    float *output, intptr_t output_stride) {
  static const cb_tile_function one[6] = {
      cb_tile1x16, cb_tile2x16, cb_tile3x16, cb_tile4x16, cb_tile5x16, cb_tile6x16};
  static const cb_tile_function two[6] = {
      cb_tile1x32, cb_tile2x32, cb_tile3x32, cb_tile4x32, cb_tile5x32, cb_tile6x32};
  cb_tile_function function;
  if (rows == 12 && blocks == 1) {
    function = cb_tile12x16;
  } else if (rows >= 1 && rows <= 6 && (blocks == 1 || blocks == 2)) {
    function = blocks == 2 ? two[rows - 1] : one[rows - 1];
  } else {
    return;  // no such tile: callers ask for 1...6 rows x 1...2 blocks or 12 x 1
  }
  function(segments, segment_count, pixel, pixel_stride, weights, block_stride, bias, clamp,
           lower, upper, last_lanes, output, output_stride);
}

__attribute__((target("avx"))) void cb_rsqrt_approximation8(const float *input, float *output) {
  _mm256_storeu_ps(output, _mm256_rsqrt_ps(_mm256_loadu_ps(input)));
}

__attribute__((target("avx"))) void cb_rcp_approximation8(const float *input, float *output) {
  _mm256_storeu_ps(output, _mm256_rcp_ps(_mm256_loadu_ps(input)));
}

int cb_onednn_features(void) {
  unsigned int eax, ebx, ecx, edx;
  if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
  const unsigned int leaf7ecx = ecx, leaf7edx = edx, maxSubleaf = eax;
  unsigned int leaf7s1eax = 0;
  if (maxSubleaf >= 1 && __get_cpuid_count(7, 1, &eax, &ebx, &ecx, &edx)) leaf7s1eax = eax;
  const int avx512 = cb_avx512_usable();
  if (avx512 && (leaf7ecx & (1u << 11))) return 1;    // AVX512_VNNI
  if (avx512 && (leaf7s1eax & (1u << 5))) return 1;   // AVX512_BF16
  if (leaf7s1eax & (1u << 4)) return 1;               // AVX_VNNI
  if (leaf7edx & ((1u << 22) | (1u << 24) | (1u << 25))) return 1;  // AMX_BF16, AMX_TILE, AMX_INT8
  return 0;
}

#else

// Not x86-64: there is no AVX-512, and the Swift kernels run everywhere.
#include <math.h>

int cb_avx512_usable(void) { return 0; }

void cb_rsqrt_approximation8(const float *input, float *output) {
  for (int i = 0; i < 8; i++) output[i] = 1.0f / sqrtf(input[i]);
}

void cb_rcp_approximation8(const float *input, float *output) {
  for (int i = 0; i < 8; i++) output[i] = 1.0f / input[i];
}

int cb_onednn_features(void) { return 0; }

void cb_avx512_tile(
    const cb_segment *segments, intptr_t segment_count, const float *pixel,
    intptr_t pixel_stride, intptr_t rows, const float *weights, intptr_t block_stride,
    intptr_t blocks, const float *bias, int clamp, float lower, float upper, intptr_t last_lanes,
    float *output, intptr_t output_stride) {
  (void)segments; (void)segment_count; (void)pixel; (void)pixel_stride; (void)rows;
  (void)weights; (void)block_stride; (void)blocks; (void)bias; (void)clamp; (void)lower;
  (void)upper; (void)last_lanes; (void)output; (void)output_stride;
}

#endif
