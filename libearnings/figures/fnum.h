/* Exact decimal numbers of the figure extractor: m * 10^e in an int64
 * mantissa, falling back to a double when a value leaves that range or has
 * no finite decimal form. */
#ifndef EARNINGS_FIGURES_FNUM_H
#define EARNINGS_FIGURES_FNUM_H

#include <stdint.h>

typedef struct fnum {
    int64_t m;  /* mantissa (ok) */
    int32_t e;  /* power of ten (ok) */
    int ok;     /* 1: exactly m * 10^e; 0: only d is meaningful */
    double d;   /* the value when !ok */
} fnum;

fnum earnings__fn_int(int64_t v);
fnum earnings__fn_from_double(double d);
double earnings__fn_double(fnum a);
fnum earnings__fn_scale10(fnum a, int k);
fnum earnings__fn_mul_int(fnum a, int64_t k);
fnum earnings__fn_add(fnum a, fnum b);
fnum earnings__fn_neg(fnum a);
fnum earnings__fn_div(fnum a, fnum b);
/* Canonical decimal ("-179500000000", "20.2", "0.0003"); buf needs 48 bytes.
 * Returns the length, 0 if the number is not exact or too long. */
int earnings__fn_to_str(fnum a, char *buf, int cap);
int earnings__fn_cmp(fnum a, fnum b); /* -1, 0, 1 by value */
int earnings__fn_is_int(fnum a);

#endif
