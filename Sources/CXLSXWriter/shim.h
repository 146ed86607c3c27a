#ifndef STRATEGYC_XLSXWRITER_SHIM_H
#define STRATEGYC_XLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
