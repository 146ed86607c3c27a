#ifndef STRATEGYC_CMARK_SHIM_H
#define STRATEGYC_CMARK_SHIM_H
#include <cmark.h>
#endif
