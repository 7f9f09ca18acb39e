#ifndef CONVBOOK_CCMARK_SHIM_H
#define CONVBOOK_CCMARK_SHIM_H
#include <cmark.h>
#endif
