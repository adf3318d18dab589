/* Exact decimal arithmetic for figure values. */
#include <string.h>

#include "figures/fnum.h"

static const double p10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                             1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                             1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

static double pow10i(int k)
{
    double r = 1.0;
    int neg = k < 0;
    if (neg)
        k = -k;
    while (k > 22) {
        r *= 1e22;
        k -= 22;
    }
    r *= p10[k];
    return neg ? 1.0 / r : r;
}

static void norm(fnum *a)
{
    if (!a->ok)
        return;
    if (a->m == 0) {
        a->e = 0;
        return;
    }
    while (a->m % 10 == 0) {
        a->m /= 10;
        a->e++;
    }
}

fnum earnings__fn_int(int64_t v)
{
    fnum a = {v, 0, 1, 0.0};
    norm(&a);
    return a;
}

fnum earnings__fn_from_double(double d)
{
    fnum a = {0, 0, 0, d};
    return a;
}

double earnings__fn_double(fnum a)
{
    if (!a.ok)
        return a.d;
    double m = (double)a.m;
    int64_t am = a.m < 0 ? -a.m : a.m;
    if (am < (INT64_C(1) << 53) && a.e >= -22 && a.e <= 22)
        return a.e >= 0 ? m * p10[a.e] : m / p10[-a.e];
    return a.e >= 0 ? m * pow10i(a.e) : m / pow10i(-a.e);
}

static fnum inexact(double d)
{
    fnum a = {0, 0, 0, d};
    return a;
}

fnum earnings__fn_scale10(fnum a, int k)
{
    if (!a.ok)
        return inexact(a.d * pow10i(k));
    if (a.e + k > 300 || a.e + k < -300)
        return inexact(earnings__fn_double(a) * pow10i(k));
    a.e += k;
    norm(&a);
    return a;
}

static int mul_ok(int64_t x, int64_t y, int64_t *r)
{
    if (x == 0 || y == 0) {
        *r = 0;
        return 1;
    }
    int64_t ax = x < 0 ? -x : x, ay = y < 0 ? -y : y;
    if (x == INT64_MIN || y == INT64_MIN || ax > INT64_MAX / ay)
        return 0;
    *r = x * y;
    return 1;
}

fnum earnings__fn_mul_int(fnum a, int64_t k)
{
    int64_t r;
    if (!a.ok || !mul_ok(a.m, k, &r))
        return inexact(earnings__fn_double(a) * (double)k);
    a.m = r;
    norm(&a);
    return a;
}

/* m * 10^k for k >= 0 with overflow check. */
static int shift_ok(int64_t m, int k, int64_t *r)
{
    while (k-- > 0)
        if (!mul_ok(m, 10, &m))
            return 0;
    *r = m;
    return 1;
}

fnum earnings__fn_add(fnum a, fnum b)
{
    if (a.ok && b.ok) {
        int e = a.e < b.e ? a.e : b.e;
        int64_t x, y;
        if (a.e - e <= 18 && b.e - e <= 18 && shift_ok(a.m, a.e - e, &x) && shift_ok(b.m, b.e - e, &y)) {
            if (!((y > 0 && x > INT64_MAX - y) || (y < 0 && x < INT64_MIN - y))) {
                fnum r = {x + y, e, 1, 0.0};
                norm(&r);
                return r;
            }
        }
    }
    return inexact(earnings__fn_double(a) + earnings__fn_double(b));
}

fnum earnings__fn_neg(fnum a)
{
    if (a.ok && a.m != INT64_MIN)
        a.m = -a.m;
    else
        a = inexact(-earnings__fn_double(a));
    return a;
}

fnum earnings__fn_div(fnum a, fnum b)
{
    if (a.ok && b.ok && b.m != 0) {
        for (int k = 0; k <= 18; k++) {
            int64_t num;
            if (!shift_ok(a.m, k, &num))
                break;
            if (num % b.m == 0) {
                fnum r = {num / b.m, a.e - b.e - k, 1, 0.0};
                norm(&r);
                return r;
            }
        }
    }
    double db = earnings__fn_double(b);
    return inexact(db != 0.0 ? earnings__fn_double(a) / db : 0.0);
}

int earnings__fn_to_str(fnum a, char *buf, int cap)
{
    char dig[24];
    int nd = 0, pos = 0;
    if (!a.ok || a.e > 24 || a.e < -24)
        return 0;
    uint64_t u = a.m < 0 ? (uint64_t)0 - (uint64_t)a.m : (uint64_t)a.m;
    do {
        dig[nd++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    /* dig holds the digits reversed */
    if (cap < nd + 30)
        return 0;
    if (a.m < 0)
        buf[pos++] = '-';
    if (a.e >= 0) {
        for (int i = nd - 1; i >= 0; i--)
            buf[pos++] = dig[i];
        for (int i = 0; i < a.e; i++)
            buf[pos++] = '0';
    } else {
        int frac = -a.e;
        if (nd <= frac) {
            buf[pos++] = '0';
            buf[pos++] = '.';
            for (int i = 0; i < frac - nd; i++)
                buf[pos++] = '0';
            for (int i = nd - 1; i >= 0; i--)
                buf[pos++] = dig[i];
        } else {
            for (int i = nd - 1; i >= 0; i--) {
                buf[pos++] = dig[i];
                if (i == frac)
                    buf[pos++] = '.';
            }
        }
    }
    buf[pos] = '\0';
    return pos;
}

int earnings__fn_cmp(fnum a, fnum b)
{
    double x = earnings__fn_double(a), y = earnings__fn_double(b);
    return x < y ? -1 : x > y ? 1 : 0;
}

int earnings__fn_is_int(fnum a)
{
    if (a.ok)
        return a.e >= 0;
    double d = a.d;
    if (!(d > -9007199254740992.0 && d < 9007199254740992.0)) /* |d| >= 2^53, inf or NaN */
        return d - d == 0.0;                                  /* finite doubles this large are integers */
    return d == (double)(int64_t)d;
}
