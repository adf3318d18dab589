/* Figures (stage 3): numbers, money, percentages, quantities, ranges,
 * qualifiers, directions, comparisons, periods, dates and not-figures, with
 * exact values and original spans; out-of-memory handling. The sentences
 * are written for these tests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <earnings.h>

#include "figures/figures_internal.h"
#include "test_util.h"

#ifdef EARNINGS_FAILALLOC
#include "core/failalloc.h"
#endif

/* ---- helpers ------------------------------------------------------------ */

/* Extract the figures of s through the normalizer. */
static int extract(const char *s, earnings__figure_list *list, earnings_normalized **norm)
{
    earnings__figure_list_init(list);
    *norm = NULL;
    int rc = earnings_normalize(norm, s, strlen(s), NULL);
    if (rc == EARNINGS_OK)
        rc = earnings__figures_extract(*norm, NULL, 0, list);
    return rc;
}

/* One figure as "text|kind|value|unit|qualifier" (value: exact decimal,
 * [lo,hi], or the period; '-' for none). */
static void describe(const char *s, const earnings_figure *f, char *out, size_t cap)
{
    char val[96];
    if (f->period)
        snprintf(val, sizeof val, "%s", f->period);
    else if (f->is_range)
        snprintf(val, sizeof val, "[%s,%s]", f->low_exact ? f->low_exact : "?", f->high_exact ? f->high_exact : "?");
    else if (f->value_exact)
        snprintf(val, sizeof val, "%s", f->value_exact);
    else
        snprintf(val, sizeof val, "~%.6g", f->value);
    const char *q = earnings_figure_qualifier_name(f->qualifier);
    snprintf(out, cap, "%.*s|%s|%s|%s|%s", (int)(f->span.end - f->span.start), s + f->span.start,
             earnings_figure_kind_name(f->kind), val, f->unit ? f->unit : "-", q ? q : "-");
}

/* Check that s yields exactly the figures in want (NULL-terminated). */
static void check(const char *s, const char *const *want)
{
    earnings__figure_list list;
    earnings_normalized *norm;
    int rc = extract(s, &list, &norm);
    CU_ASSERT_EQUAL(rc, EARNINGS_OK);
    size_t n = 0;
    while (want[n])
        n++;
    int ok = rc == EARNINGS_OK && list.count == n;
    char buf[512];
    for (size_t i = 0; ok && i < n; i++) {
        describe(s, &list.items[i], buf, sizeof buf);
        ok = strcmp(buf, want[i]) == 0;
    }
    CU_ASSERT(ok);
    if (!ok) {
        fprintf(stderr, "\n  input: %s\n  want:", s);
        for (size_t i = 0; i < n; i++)
            fprintf(stderr, " {%s}", want[i]);
        fprintf(stderr, "\n  got: ");
        for (size_t i = 0; i < list.count; i++) {
            describe(s, &list.items[i], buf, sizeof buf);
            fprintf(stderr, " {%s}", buf);
        }
        fprintf(stderr, "\n");
    }
    earnings__figure_list_free(&list);
    earnings_normalized_free(norm);
}

#define CHECK(s, ...)                                                                              \
    do {                                                                                           \
        static const char *const w_[] = {__VA_ARGS__, NULL};                                       \
        check(s, w_);                                                                              \
    } while (0)
#define NONE(s)                                                                                    \
    do {                                                                                           \
        static const char *const w_[] = {NULL};                                                    \
        check(s, w_);                                                                              \
    } while (0)

/* The first figure of s (kept alive in static storage until the next call). */
static const earnings_figure *first(const char *s)
{
    static earnings__figure_list list;
    static earnings_normalized *norm;
    earnings__figure_list_free(&list);
    earnings_normalized_free(norm);
    norm = NULL;
    if (extract(s, &list, &norm) != EARNINGS_OK || list.count == 0)
        return NULL;
    return &list.items[0];
}

static void release_first(void)
{
    first("");
}

/* ---- numbers -------------------------------------------------------------- */

static void t_digits(void)
{
    CHECK("Orders reached 48,213 units.", "48,213 units|quantity|48213|unit|-");
    CHECK("The ratio was 0.875 and then .25 later.", "0.875|number|0.875|-|-", ".25|number|0.25|-|-");
    CHECK("We booked 3.14159265358979 of it.", "3.14159265358979|number|3.14159265358979|-|-");
    CHECK("A loss of -42 was noted.", "-42|number|-42|-|-");
    CHECK("Shipments: 7,000,001", "7,000,001|number|7000001|-|-");
    CHECK("Scientific 2.5e3 appears.", "2.5e3|number|2500|-|-");
    CHECK("About 1/4 of them.", "About 1/4|number|0.25|-|approx");
}

static void t_words(void)
{
    CHECK("We hired twenty-five engineers.", "twenty-five engineers|quantity|25|engineer|-");
    CHECK("It took one hundred and seven tries.", "one hundred and seven tries|quantity|107|try|-");
    CHECK("a dozen offices opened", "a dozen offices|quantity|12|office|-");
    CHECK("Roughly a hundred vendors signed.", "Roughly a hundred vendors|quantity|100|vendor|approx");
    CHECK("two and a half million riders", "two and a half million riders|quantity|2500000|rider|-");
    CHECK("three quarters of the fleet", "three quarters|number|0.75|-|-");
    CHECK("nearly two thirds of buyers", "nearly two thirds|number|~0.666667|-|nearly");
    NONE("half a point");
    CHECK("Users topped half a billion.", "half a billion|number|500000000|-|-");
    CHECK("We added half a million subscribers.", "half a million subscribers|quantity|500000|subscriber|-");
    CHECK("A quarter of a million riders.", "A quarter of a million riders|quantity|250000|rider|-");
    CHECK("half a dozen plants", "half a dozen plants|quantity|6|plant|-");
    CHECK("a quarter of the fleet", "a quarter|number|0.25|-|-");
}

static void t_scales(void)
{
    CHECK("Sales hit 4.25 million.", "4.25 million|number|4250000|-|-");
    CHECK("We expect 7bn of it.", "7bn|number|7000000000|-|-");
    CHECK("Backlog 380K and 12.5M.", "380K|number|380000|-|-", "12.5M|number|12500000|-|-");
    CHECK("In total 1.7 trillion.", "1.7 trillion|number|1700000000000|-|-");
}

static void t_ordinals(void)
{
    CHECK("our ninth straight gain", "ninth|ordinal|9|-|-");
    CHECK("ranked 21st overall", "21st|ordinal|21|-|-");
    CHECK("排名第五", "第五|ordinal|5|-|-");
    NONE("third-party sellers; First, we grew. Second, margins. First of all, thanks.");
    NONE("when we first started, this is first reflected in cost");
    CHECK("the first time", "first|ordinal|1|-|-");
}

static void t_chinese_numbers(void)
{
    CHECK("共计五十万", "五十万|number|500000|-|-");
    CHECK("两千三百", "两千三百|number|2300|-|-");
    CHECK("一千零五", "一千零五|number|1005|-|-");
    CHECK("十二", "十二|number|12|-|-");
    CHECK("肆佰陆拾", "肆佰陆拾|number|460|-|-");
    CHECK("余额为3.5万", "3.5万|number|35000|-|-");
    CHECK("规模达4.6万亿", "4.6万亿|number|4600000000000|-|-");
    CHECK("三分之一", "三分之一|number|~0.333333|-|-");
    CHECK("一万三", "一万三|number|13000|-|-");
    CHECK("零点五", "零点五|number|0.5|-|-");
    NONE("这一点很重要,我们一直在统一标准,十分满意");
    NONE("四川和五角大楼");
}

/* ---- money, percent, quantities -------------------------------------------- */

static void t_money(void)
{
    CHECK("Revenue was $61.2 billion.", "$61.2 billion|money|61200000000|USD|-");
    CHECK("a US$3.75B facility", "US$3.75B|money|3750000000|USD|-");
    CHECK("fees of USD 18 million", "USD 18 million|money|18000000|USD|-");
    CHECK("about 940 million euros", "about 940 million euros|money|940000000|EUR|approx");
    CHECK("charges of HK$2.4 bn", "HK$2.4 bn|money|2400000000|HKD|-");
    CHECK("a €75 fee and £12.50 more", "€75|money|75|EUR|-", "£12.50|money|12.5|GBP|-");
    CHECK("营收达到2750亿美元", "2750亿美元|money|275000000000|USD|-");
    CHECK("净利润38.6亿元人民币", "38.6亿元人民币|money|3860000000|CNY|-");
    CHECK("每股派息1.25港元", "1.25港元|money|1.25|HKD|-");
    CHECK("投资人民币50亿元", "人民币50亿元|money|5000000000|CNY|-");
    CHECK("| Net | (3.4) |", "(3.4)|number|-3.4|-|-");
}

static void t_percent(void)
{
    CHECK("margin of 31.7%", "31.7%|percent|31.7|%|-");
    CHECK("grew 14 percent", "14 percent|percent|14|%|-");
    CHECK("毛利率为百分之二十三", "百分之二十三|percent|23|%|-");
    CHECK("份额约两成", "约两成|percent|20|%|approx");
    CHECK("expanded 180 basis points", "180 basis points|bps|180|bp|-");
    CHECK("tightened by 45bps", "45bps|bps|45|bp|-");
    CHECK("利润率提升了65个基点", "65个基点|bps|65|bp|-");
    CHECK("up 2.3 percentage points", "2.3 percentage points|pp|2.3|pp|-");
    CHECK("上升1.8个百分点", "1.8个百分点|pp|1.8|pp|-");
}

static void t_quantities(void)
{
    CHECK("adding 2.4GW of power", "2.4GW|quantity|2.4|GW|-");
    CHECK("adding 6 gigawatts soon", "6 gigawatts|quantity|6|GW|-");
    CHECK("新增2 吉瓦", "2 吉瓦|quantity|2|GW|-");
    CHECK("links of 400 Gbps", "400 Gbps|quantity|400|Gbps|-");
    CHECK("downtime of 36 hours", "36 hours|quantity|36|h|-");
    CHECK("over 3 million delivery drivers", "over 3 million delivery drivers|quantity|3000000|driver|over");
    CHECK("opened 640 new stores", "640 new stores|quantity|640|store|-");
    CHECK("served 1,200 companies", "1,200 companies|quantity|1200|company|-");
    CHECK("部署了30 多万台服务器", "30 多万台服务器|quantity|300000|服务器|over");
    /* some multiple of a unit: more than the unit */
    CHECK("数十亿元的投资", "数十亿元|money|1000000000|CNY|over");
    CHECK("开设了几十家门店", "几十家门店|quantity|10|门店|over");
    CHECK("上千家门店", "上千家门店|quantity|1000|门店|over");
    CHECK("以上千家门店", "千家门店|quantity|1000|门店|-");
    CHECK("覆盖800 个城市", "800 个城市|quantity|800|城市|-");
    CHECK("a 3-day delay", "3-day|quantity|3|day|-");
}

/* ---- ranges and qualifiers -------------------------------------------------- */

static void t_ranges(void)
{
    CHECK("guidance between $21 billion and $24.5 billion", "between $21 billion and $24.5 billion|money|[21000000000,24500000000]|USD|-");
    CHECK("a 15%-18% margin", "15%-18%|percent|[15,18]|%|-");
    CHECK("priced at $20-35K each", "$20-35K|money|[20000,35000]|USD|-");
    CHECK("about 6 to 9 million units", "about 6 to 9 million units|quantity|[6000000,9000000]|unit|approx");
    CHECK("预计为15 至 18 亿元", "15 至 18 亿元|money|[1500000000,1800000000]|CNY|-");
    CHECK("capacity of 9-11GW", "9-11GW|quantity|[9,11]|GW|-");
    CHECK("from $10 billion to $12 billion", "$10 billion|money|10000000000|USD|-", "$12 billion|money|12000000000|USD|-");
    /* the sign of the low end covers a bare high end; its scale the low end */
    CHECK("sales of $1.1 to 1.3 billion", "$1.1 to 1.3 billion|money|[1100000000,1300000000]|USD|-");
    CHECK("EPS of $1.10 to 1.15", "$1.10 to 1.15|money|[1.1,1.15]|USD|-");
    CHECK("cut the price by $2 to 18", "$2|money|2|USD|-", "18|number|18|-|-");
    CHECK("rose from $1.1 to $1.3 billion", "$1.1|money|1100000000|USD|-", "$1.3 billion|money|1300000000|USD|-");
    CHECK("grew from $900 to $1.1 billion", "$900|money|900|USD|-", "$1.1 billion|money|1100000000|USD|-");
}

static void t_qualifiers(void)
{
    CHECK("at least 4 sites", "at least 4 sites|quantity|4|site|at_least");
    CHECK("up to 30%", "up to 30%|percent|30|%|at_most");
    CHECK("less than $5 million", "less than $5 million|money|5000000|USD|under");
    CHECK("north of $2B", "north of $2B|money|2000000000|USD|over");
    CHECK("close to 70%", "close to 70%|percent|70|%|nearly");
    CHECK("just shy of $2 billion", "just shy of $2 billion|money|2000000000|USD|nearly");
    /* pence written right after the number; not a video resolution */
    CHECK("earnings per share of 14.2p", "14.2p|money|0.142|GBP|-");
    NONE("streams in 720p");
    CHECK("slightly more than 20%", "slightly more than 20%|percent|20|%|over");
    CHECK("on the order of 5 GW", "on the order of 5 GW|quantity|5|GW|approx");
    CHECK("5,000+ partners", "5,000+ partners|quantity|5000|partner|over");
    CHECK("接近40%", "接近40%|percent|40|%|nearly");
    CHECK("超过600 家门店", "超过600 家门店|quantity|600|门店|over");
    CHECK("1000家以上", "1000家以上|number|1000|-|over");
    CHECK("增长30%左右", "30%左右|percent|30|%|approx");
    /* across another / an additional: the qualifier, outside the span */
    CHECK("at least another 1 gigawatt", "1 gigawatt|quantity|1|GW|at_least");
    CHECK("over an additional 500 stores", "500 stores|quantity|500|store|over");
    CHECK("another 300 stores", "300 stores|quantity|300|store|-");
}

static void t_direction_comparison(void)
{
    const earnings_figure *f = first("Cloud revenue rose 17% year-over-year.");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(f->direction, EARNINGS_DIRECTION_UP);
    CU_ASSERT_EQUAL(f->comparison, EARNINGS_COMPARISON_YOY);
    f = first("Unit sales fell 4% sequentially.");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(f->direction, EARNINGS_DIRECTION_DOWN);
    CU_ASSERT_EQUAL(f->comparison, EARNINGS_COMPARISON_QOQ);
    f = first("a 9% increase compared to the same period last year");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(f->direction, EARNINGS_DIRECTION_UP);
    CU_ASSERT_EQUAL(f->comparison, EARNINGS_COMPARISON_YOY);
    CU_ASSERT_EQUAL(f->span.end - f->span.start, 2); /* "9%": attributes stay outside */
    f = first("广告收入同比增长22%");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(f->direction, EARNINGS_DIRECTION_UP);
    CU_ASSERT_EQUAL(f->comparison, EARNINGS_COMPARISON_YOY);
    CU_ASSERT_EQUAL(f->lang, EARNINGS_LANG_EN); /* "22%" has no Han character */
    f = first("成本环比下降3.5%");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(f->direction, EARNINGS_DIRECTION_DOWN);
    CU_ASSERT_EQUAL(f->comparison, EARNINGS_COMPARISON_QOQ);
    f = first("Margins were 12%, while costs dropped 3%.");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(f->direction, EARNINGS_DIRECTION_NONE);
    release_first();
}

/* ---- periods and dates ------------------------------------------------------ */

static void t_periods(void)
{
    CHECK("Results for Q2 2026 and 4Q24.", "Q2 2026|period|2026Q2|-|-", "4Q24|period|2024Q4|-|-");
    CHECK("In the second quarter of fiscal 2024", "second quarter of fiscal 2024|period|2024Q2|-|-");
    CHECK("the fourth quarter", "fourth quarter|period|Q4|-|-");
    CHECK("FY2027 and fiscal 2026", "FY2027|period|2027FY|-|-", "fiscal 2026|period|2026FY|-|-");
    CHECK("H2 2025 was strong; first half too", "H2 2025|period|2025H2|-|-", "first half|period|H1|-|-");
    CHECK("cash flow, trailing twelve months", "trailing twelve months|period|TTM|-|-");
    CHECK("spend year-to-date", "year-to-date|period|YTD|-|-");
    CHECK("in the first six months of 2025", "first six months of 2025|period|2025H1|-|-");
    CHECK("over the first 9 months", "first 9 months|period|YTD|-|-");
    CHECK("Half-Year Report 2025", "Half-Year Report 2025|period|2025H1|-|-");
    CHECK("the Q2 FY2026 guide", "Q2 FY2026|period|2026Q2|-|-");
    CHECK("by 2028 we expect", "2028|period|2028|-|-");
    CHECK("2026年第二季度", "2026年第二季度|period|2026Q2|-|-");
    CHECK("第四季度", "第四季度|period|Q4|-|-");
    CHECK("2024年上半年", "2024年上半年|period|2024H1|-|-");
    CHECK("过去12个月", "过去12个月|period|TTM|-|-");
}

static void t_dates(void)
{
    CHECK("on March 3, 2026 we", "March 3, 2026|date|2026-03-03|-|-");
    CHECK("as of Sept. 28, 2024", "Sept. 28, 2024|date|2024-09-28|-|-");
    CHECK("on 14 February 2025", "14 February 2025|date|2025-02-14|-|-");
    CHECK("filed 2024-11-05", "2024-11-05|date|2024-11-05|-|-");
    CHECK("于2025年7月15日", "2025年7月15日|date|2025-07-15|-|-");
    NONE("you may march on");
}

/* ---- not figures ------------------------------------------------------------ */

static void t_not_figures(void)
{
    NONE("Inferentia2 and Graviton 5 on C8g instances");
    NONE("GPT-5, Llama-4 and Claude 4 models");
    NONE("Call +1-800-555-0199 today.");
    NONE("1. Overview\n2. Outlook\n");
    NONE("| 3 | Risk |");
    NONE("see https://example.com/q3/2025 now");
    NONE("one of the customers; one customer said");
    NONE("meet at 10:30 or 4pm");
    NONE("version 3 of the app and phase 2");
    NONE("三星和一些客户");
}

/* ---- spans, exact values, API ---------------------------------------------- */

static void t_spans_original(void)
{
    /* full-width digits and percent fold in normalization; spans are original */
    const char *s = "毛利率\xEF\xBC\x93\xEF\xBC\x95\xEF\xBC\x85"; /* 毛利率３５％ */
    const earnings_figure *f = first(s);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(f->kind, EARNINGS_FIGURE_PERCENT);
    CU_ASSERT_EQUAL(f->span.start, 9);
    CU_ASSERT_EQUAL(f->span.end, 18);
    CU_ASSERT_STRING_EQUAL(f->value_exact, "35");
    CU_ASSERT_DOUBLE_EQUAL(f->value, 35.0, 1e-12);
    f = first("Total $179.5 billion");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_STRING_EQUAL(f->value_exact, "179500000000");
    CU_ASSERT_EQUAL(f->num.start, 7);
    CU_ASSERT_EQUAL(f->num.end, 20);
    f = first("between 5 and 10 million");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(f->is_range, 1);
    CU_ASSERT_DOUBLE_EQUAL(f->low, 5e6, 1e-6);
    CU_ASSERT_DOUBLE_EQUAL(f->high, 1e7, 1e-6);
    CU_ASSERT_EQUAL(f->num_high.start, 14);
    release_first();
}

static void t_names(void)
{
    CU_ASSERT_STRING_EQUAL(earnings_figure_kind_name(EARNINGS_FIGURE_MONEY), "money");
    CU_ASSERT_STRING_EQUAL(earnings_figure_kind_name(EARNINGS_FIGURE_PERIOD), "period");
    CU_ASSERT_STRING_EQUAL(earnings_figure_kind_name(99), "unknown");
    CU_ASSERT_PTR_NULL(earnings_figure_qualifier_name(EARNINGS_QUALIFIER_NONE));
    CU_ASSERT_STRING_EQUAL(earnings_figure_qualifier_name(EARNINGS_QUALIFIER_AT_LEAST), "at_least");
    CU_ASSERT_STRING_EQUAL(earnings_figure_direction_name(EARNINGS_DIRECTION_DOWN), "down");
    CU_ASSERT_STRING_EQUAL(earnings_figure_comparison_name(EARNINGS_COMPARISON_QOQ), "qoq");
    CU_ASSERT_STRING_EQUAL(earnings_figure_lang_name(EARNINGS_LANG_ZH), "zh");
    CU_ASSERT_STRING_EQUAL(earnings_figure_lang_name(7), "unknown");
}

static void t_json(void)
{
    const char *s = "up 7% to $3.2B in Q1 2026";
    earnings__figure_list list;
    earnings_normalized *norm;
    CU_ASSERT_EQUAL_FATAL(extract(s, &list, &norm), EARNINGS_OK);
    CU_ASSERT_EQUAL_FATAL(list.count, 3);
    earnings__sb sb;
    earnings__sb_init(&sb);
    earnings__figure_to_json(&sb, &list.items[0], s);
    earnings__sb_putc(&sb, '\n');
    earnings__figure_to_json(&sb, &list.items[2], s);
    earnings__sb_putc(&sb, '\0');
    CU_ASSERT_FALSE(sb.failed);
    CU_ASSERT_PTR_NOT_NULL(strstr(sb.ptr, "{\"start\":3,\"end\":5,\"text\":\"7%\",\"kind\":\"percent\",\"value\":7,"
                                          "\"unit\":\"%\",\"qualifier\":null,\"direction\":\"up\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(sb.ptr, "\"kind\":\"period\",\"value\":\"2026Q1\""));
    earnings__sb_release(&sb);
    earnings__figure_list_free(&list);
    earnings_normalized_free(norm);
}

static void t_corpus_smoke(void)
{
    /* every corpus document: no failure, spans inside the text, sorted */
    const char *const *files = tu_corpus_files();
    for (size_t i = 0; files[i]; i++) {
        size_t len = 0;
        char *text = tu_read_file(files[i], &len);
        CU_ASSERT_PTR_NOT_NULL_FATAL(text);
        earnings_normalized *norm = NULL;
        earnings__figure_list list;
        earnings__figure_list_init(&list);
        CU_ASSERT_EQUAL(earnings_normalize(&norm, text, len, NULL), EARNINGS_OK);
        CU_ASSERT_EQUAL(earnings__figures_extract(norm, NULL, 0, &list), EARNINGS_OK);
        CU_ASSERT(list.count > 0);
        size_t prev = 0;
        for (size_t k = 0; k < list.count; k++) {
            const earnings_figure *f = &list.items[k];
            CU_ASSERT(f->span.start < f->span.end && f->span.end <= len);
            CU_ASSERT(f->span.start >= prev);
            prev = f->span.end;
        }
        earnings__figure_list_free(&list);
        earnings_normalized_free(norm);
        free(text);
    }
}

/* ---- constructs added for issue 3 ------------------------------------------- */

static void t_paired_bounds(void)
{
    CHECK("Shipments were greater than 200 and less than 350 units.",
          "greater than 200 and less than 350 units|quantity|[200,350]|unit|-");
    CHECK("Capex of at most $9 billion and at least $7 billion.",
          "at most $9 billion and at least $7 billion|money|[7000000000,9000000000]|USD|-");
    CHECK("价格在100元以上，200元以下", "100元以上，200元以下|money|[100,200]|CNY|-");
    CHECK("大于5并且小于9", "大于5并且小于9|number|[5,9]|-|-");
    CHECK("最多8最少3", "最多8最少3|number|[3,8]|-|-");
    /* bounds that do not make a range stay apart */
    CHECK("more than 90 and less than 20", "more than 90|number|90|-|over", "less than 20|number|20|-|under");
    const earnings_figure *f = first("between more than 10 and less than 40");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT(f->flags & EARNINGS_FIGURE_FLAG_LOW_OPEN);
    CU_ASSERT(f->flags & EARNINGS_FIGURE_FLAG_HIGH_OPEN);
    f = first("at least 3 and at most 7");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(f->is_range, 1);
    CU_ASSERT_EQUAL(f->flags & (EARNINGS_FIGURE_FLAG_LOW_OPEN | EARNINGS_FIGURE_FLAG_HIGH_OPEN), 0);
    release_first();
}

static void t_comparisons(void)
{
    CHECK("Attendance was exactly 4,000.", "exactly 4,000|number|4000|-|exact");
    CHECK("The ratio was less than or equal to 3.", "less than or equal to 3|number|3|-|at_most");
    CHECK("Scores above 90 or equal to it.", "above 90 or equal to|number|90|-|at_least");
    CHECK("=>15", "15|number|15|-|-");
    CHECK("比 60 高", "比 60 高|number|60|-|over");
    CHECK("60 之下", "60 之下|number|60|-|under");
    CHECK("四十或者以上", "四十或者以上|number|40|-|at_least");
    CHECK("位于10和20之间", "位于10和20之间|number|[10,20]|-|-");
    CHECK("300与500间", "300与500间|number|[300,500]|-|-");
    CU_ASSERT_STRING_EQUAL(earnings_figure_qualifier_name(EARNINGS_QUALIFIER_EXACT), "exact");
}

static void t_two_part_money(void)
{
    CHECK("Tickets cost eight dollars and twenty-five cents.",
          "eight dollars and twenty-five cents|money|8.25|USD|-");
    CHECK("a fee of 12 dollars 40.", "12 dollars 40|money|12.4|USD|-");
    CHECK("五元三毛", "五元三毛|money|5.3|CNY|-");
    CHECK("十元零五分", "十元零五分|money|10.05|CNY|-");
    CHECK("两美元又三美分", "两美元又三美分|money|2.03|USD|-");
    /* a count after the amount is not its cents */
    CHECK("paid 10 dollars and 2 workers", "10 dollars|money|10|USD|-", "2 workers|quantity|2|worker|-");
    CHECK("Revenue was 40 MEUR.", "40 MEUR|money|40000000|EUR|-");
    CHECK("Sales of 120 EUR million.", "120 EUR million|money|120000000|EUR|-");
    CHECK("a loan of 3,45,000 rupees.", "3,45,000 rupees|money|345000|INR|-");
    CHECK("a budget of 2 crore.", "2 crore|number|20000000|-|-");
}

static void t_word_arithmetic(void)
{
    CHECK("about 5 hundred and 12.", "about 5 hundred and 12|number|512|-|approx");
    CHECK("about 7 thousand 2 hundred.", "about 7 thousand 2 hundred|number|7200|-|approx");
    CHECK("about 2 million and a quarter.", "about 2 million and a quarter|number|2250000|-|approx");
    CHECK("six billion and two fifths.", "six billion and two fifths|number|6400000000|-|-");
    CHECK("one over four.", "one over four|number|0.25|-|-");
    CHECK("Approved by 3 out of 4.", "3 out of 4|number|0.75|-|-");
    CHECK("1 in 5 in 2025.", "1 in 5|number|0.2|-|-", "2025|period|2025|-|-");
    CHECK("1.5x10^3 and 2^10.", "1.5x10^3|number|1500|-|-", "2^10|number|1024|-|-");
    CHECK("1 3/2", "1 3/2|number|2.5|-|-");
    CHECK("two thirty-sevenths", "two thirty-sevenths|number|~0.0540541|-|-");
    CHECK("one one hundred twentieth", "one one hundred twentieth|number|~0.00833333|-|-");
    CHECK("the one hundredth anniversary", "one hundredth|ordinal|100|-|-");
    CHECK("一千 二百 三十", "一千 二百 三十|number|1230|-|-");
    CHECK("八 点 五 折", "八 点 五 折|percent|85|%|-");
    CHECK("半百", "半百|number|50|-|-");
    CHECK("五十打", "五十打|number|600|-|-");
    NONE("一两个");
    CHECK("a price of 7,50 per kilo", "7,50|number|7.5|-|-");
    CHECK("万分之三", "万分之三|percent|0.03|%|-");
    CHECK("百万分之五", "百万分之五|percent|0.0005|%|-");
    CHECK("十分之一", "十分之一|number|0.1|-|-");
}

static void t_more_units(void)
{
    CHECK("a drive of 3 ft 6 in", "3 ft 6 in|quantity|3.5|ft|-");
    CHECK("speeds of 10 meters per second", "10 meters per second|quantity|10|m/s|-");
    CHECK("output 20 (MW)", "20 (MW)|quantity|20|MW|-");
    CHECK("2 tablespoons of oil", "2 tablespoons|quantity|2|tbsp|-");
    CHECK("0.5rad", "0.5rad|quantity|0.5|rad|-");
    CHECK("1 gigabit per second", "1 gigabit per second|quantity|1|Gbps|-");
    CHECK("二两", "二两|quantity|2|liang|-");
}

/* ---- conventions of tests/eval/gold/CONVENTIONS.md ------------------------------ */

static void t_conv_ordinals(void)
{
    CHECK("The first expense, $2.5 billion, was legal.", "first|ordinal|1|-|-",
          "$2.5 billion|money|2500000000|USD|-");
    CHECK("with the first two games averaging", "first|ordinal|1|-|-", "two games|quantity|2|game|-");
    CHECK("The second is about chips.", "second|ordinal|2|-|-");
    CHECK("marking the third consecutive quarter", "third|ordinal|3|-|-");
    CHECK("developers in first days", "first|ordinal|1|-|-");
    NONE("Third, advertising grew. Second, video.");
    NONE("third-party agents and 第三方卖家");
}

static void t_conv_multiples(void)
{
    CHECK("usage is 2.5 times higher", "2.5 times|quantity|2.5|x|-");
    CHECK("interact three times more often", "three times|quantity|3|x|-");
    CHECK("at a speed four times faster", "four times|quantity|4|x|-");
    CHECK("orders increased fourfold", "fourfold|quantity|4|x|-");
    CHECK("a 3-fold rise", "3-fold|quantity|3|x|-");
    CHECK("a 2x improvement", "2x|quantity|2|x|-");
    CHECK("downloaded over 1 million times.", "over 1 million times|quantity|1000000|time|over");
    CHECK("used 80 million times, helping", "80 million times|quantity|80000000|time|-");
    CHECK("trades at 30 times earnings", "30 times|quantity|30|x|-");
}

static void t_conv_counts_durations(void)
{
    CHECK("based on 500K Trainium 2 chips", "500K Trainium 2 chips|quantity|500000|chip|-");
    CHECK("nearly 500,000 Trainium 2 chips", "nearly 500,000 Trainium 2 chips|quantity|500000|chip|nearly");
    CHECK("covers 1,000 U.S. towns and cities", "1,000 U.S. towns|quantity|1000|town|-");
    CHECK("AgentCore 1M+ SDK downloads", "1M+ SDK downloads|quantity|1000000|download|over");
    CHECK("Querying 300M+ SKU inventory", "300M+ SKU|quantity|300000000|sku|over");
    CHECK("a 700 basis point gain over ten quarters", "700 basis point|bps|700|bp|-",
          "ten quarters|quantity|10|quarter|-");
    CHECK("fully built over 20 months, and", "20 months|quantity|20|month|-");
    CHECK("a leader for 15 consecutive years", "15 consecutive years|quantity|15|year|-");
    CHECK("delivery in as little as five hours", "as little as five hours|quantity|5|h|at_least");
    CHECK("| 5-Year Outlook |", "5-Year|quantity|5|year|-");
    CHECK("About one year later", "About one year|quantity|1|year|approx");
    NONE("One year ago, one customer said");
    CHECK("expanded to over 1,000 smaller U.S. communities, with plans to reach 4,000 by year-end",
          "over 1,000 smaller U.S. communities|quantity|1000|community|over", "4,000|number|4000|-|-");
    CHECK("margin contribution (50%+ gross)", "50%+|percent|50|%|over");
}

static void t_conv_periods(void)
{
    CHECK("the 2025-2026 pre-sale", "2025-2026|period|2025/2026|-|-");
    CHECK("expansion (2021-2024 TTM)", "2021-2024|period|2021/2024|-|-", "TTM|period|TTM|-|-");
    CHECK("reduction YoY (9M 2025)", "9M 2025|period|2025YTD|-|-");
    CHECK("| **Added Capacity (12M)** | 3.8GW |", "12M|quantity|12|month|-", "3.8GW|quantity|3.8|GW|-");
    CHECK("3.8GW delivered in 12M; more", "3.8GW|quantity|3.8|GW|-", "12M|quantity|12|month|-");
    CHECK("shipped 12M units", "12M units|quantity|12000000|unit|-");
    CHECK("| Net | (12M) |", "12M|number|12000000|-|-");
    CHECK("capacity—3.8 gigawatts in the past year", "3.8 gigawatts|quantity|3.8|GW|-");
    NONE("12:03:31 · · #1 and AI. ① Electricity; ② Amazon");
}

/* Forms of statements and tables: a change and the level it reached, the
 * accountant's negative, signs in words, two amounts in two currencies,
 * fiscal years and quarters in Chinese. */
static void t_statement_forms(void)
{
    CHECK("Revenue increased $2 billion to $30 billion.", "$2 billion|money|2000000000|USD|-",
          "$30 billion|money|30000000000|USD|-");
    CHECK("It fell by $500 million to $1.2 billion.", "$500 million|money|500000000|USD|-",
          "$1.2 billion|money|1200000000|USD|-");
    CHECK("The stock fell 12 cents to $4.05.", "12 cents|money|0.12|USD|-", "$4.05|money|4.05|USD|-");
    CHECK("门店数量净增1,200家至1.5万家", "1,200家|number|1200|-|-", "1.5万家|number|15000|-|-");
    /* ranges stay ranges: close ends, percentages, "rose to", no verb */
    CHECK("Revenue is expected to grow $1.2 to $1.4 billion.", "$1.2 to $1.4 billion|money|[1200000000,1400000000]|USD|-");
    CHECK("Sales rose 2% to 3%.", "2% to 3%|percent|[2,3]|%|-");
    CHECK("营收增至120亿至130亿元", "120亿至130亿元|money|[12000000000,13000000000]|CNY|-");
    CHECK("revenue of $2 billion to $30 billion", "$2 billion to $30 billion|money|[2000000000,30000000000]|USD|-");
    /* $(1.2) million */
    CHECK("Net loss was $(1.2) million.", "$(1.2) million|money|-1200000|USD|-");
    CHECK("| EPS | $(0.15) | $0.10 |", "$(0.15)|money|-0.15|USD|-", "$0.10|money|0.1|USD|-");
    CHECK("See note (3).", "3|number|3|-|-");
    /* signs in words before digits */
    CHECK("minus 3 degrees", "minus 3 degrees|quantity|-3|deg|-");
    CHECK("EPS of negative $0.05", "negative $0.05|money|-0.05|USD|-");
    CHECK("plus or minus 5%", "5%|percent|5|%|-");
    /* each amount keeps its currency */
    CHECK("SEK 15 billion and 500 million won", "SEK 15 billion|money|15000000000|SEK|-",
          "500 million won|money|500000000|KRW|-");
    CHECK("15 billion and 500 million users", "15 billion and 500 million users|quantity|15500000000|user|-");
    /* 财年, 财季 */
    CHECK("2025财年第二财季收入", "2025财年第二财季|period|2025Q2|-|-");
    CHECK("2026财年营收", "2026财年|period|2026FY|-|-");
    CHECK("第三财季净利润", "第三财季|period|Q3|-|-");
    /* a yuan-named currency before the number keeps its code before 元 */
    CHECK("收入为港币152.3亿元", "港币152.3亿元|money|15230000000|HKD|-");
    CHECK("港元21.5亿", "港元21.5亿|money|2150000000|HKD|-");
    CHECK("人民币25.6亿元", "人民币25.6亿元|money|2560000000|CNY|-");
    CHECK("2025年中期业绩", "2025年中期业绩|period|2025H1|-|-");
}

/* Earnings-style Chinese: revenue, profit, growth, basis points, 亿元, 万台,
 * qualifiers, ranges, quarters, halves, full year, trailing twelve months. */
static void t_chinese_earnings(void)
{
    CHECK("第三季度营收为1580亿元", "第三季度|period|Q3|-|-", "1580亿元|money|158000000000|CNY|-");
    CHECK("净利润38.6亿元，同比增长12%", "38.6亿元|money|3860000000|CNY|-", "12%|percent|12|%|-");
    CHECK("毛利率同比提升了120个基点", "120个基点|bps|120|bp|-");
    CHECK("营业利润率下降0.8个百分点", "0.8个百分点|pp|0.8|pp|-");
    CHECK("上半年营收约为2000亿元左右", "上半年|period|H1|-|-", "约为2000亿元左右|money|200000000000|CNY|approx");
    CHECK("全年营收预计在8000亿至8500亿元之间", "全年|period|FY|-|-",
          "8000亿至8500亿元之间|money|[800000000000,850000000000]|CNY|-");
    CHECK("2025年全年净利润超过500亿元", "2025年全年|period|2025FY|-|-", "超过500亿元|money|50000000000|CNY|over");
    CHECK("2025年第三季度", "2025年第三季度|period|2025Q3|-|-");
    CHECK("2025年营收增长", "2025年|period|2025|-|-");
    CHECK("过去12个月的自由现金流", "过去12个月|period|TTM|-|-");
    CHECK("手机销量达到50万台", "50万台|number|500000|-|-");
    CHECK("出货量达到120万台服务器", "120万台服务器|quantity|1200000|服务器|-");
    CHECK("部署了超过100 万台机器人", "超过100 万台机器人|quantity|1000000|机器人|over");
    CHECK("在20个城市开设了100多家门店", "20个城市|quantity|20|城市|-", "100多家门店|quantity|100|门店|over");
    CHECK("目前我们已开设了三家，运营良好", "三家|number|3|-|-");
    CHECK("未来将增至100 万块", "100 万块|number|1000000|-|-");
    CHECK("公司有两项特殊费用", "两项|number|2|-|-");
    CHECK("员工人数超过2万名", "超过2万名|number|20000|-|over");
    CHECK("新增用户3000万人", "3000万人|quantity|30000000|人|-");
    CHECK("销量为111.4万辆", "111.4万辆|quantity|1114000|辆|-");
    CHECK("开设了三家新门店", "三家新门店|quantity|3|门店|-");
    CHECK("进入两个海外市场", "两个海外市场|quantity|2|市场|-");
    CHECK("新增1200万付费用户", "1200万付费用户|quantity|12000000|用户|-");
    CHECK("拥有5亿月活跃用户", "5亿月活跃用户|quantity|500000000|用户|-");
    CHECK("推出五款新品。", "五款新品|quantity|5|新品|-");
    NONE("AI收入实现三位数增长，两位数的利润率");
    CHECK("在过去20 个月里", "20 个月|quantity|20|month|-");
    CHECK("保留至少三个月", "至少三个月|quantity|3|month|at_least");
    CHECK("大约一年前推出", "大约一年|quantity|1|year|approx");
    CHECK("已经运营了两年", "两年|quantity|2|year|-");
    CHECK("销量同比增长约3倍", "约3倍|quantity|3|x|approx");
    CHECK("这两点对客户都很重要", "两点|quantity|2|点|-");
    CHECK("跻身前三甲", "三|number|3|-|-");
    CHECK("客户第二", "第二|ordinal|2|-|-");
    CHECK("预计2025-2026年资本支出达到1000亿美元", "2025-2026年|period|2025/2026|-|-",
          "1000亿美元|money|100000000000|USD|-");
    CHECK("营收1.2万亿元，2025年", "1.2万亿元|money|1200000000000|CNY|-", "2025年|period|2025|-|-");
    NONE("首先，我们谈一下。其次，零售业务。");
    NONE("一个问题，一家供应商，每一个客户，之一，一次，一直，进一步，一年前");
    NONE("第三方卖家和十周年");
}

static void t_enomem(void)
{
#ifdef EARNINGS_FAILALLOC
    const char *s = "Revenue of $61.2 billion, up 12% y/y, 640 new stores, 覆盖800 个城市, Q3 2025.";
    earnings_normalized *norm = NULL;
    CU_ASSERT_EQUAL_FATAL(earnings_normalize(&norm, s, strlen(s), NULL), EARNINGS_OK);
    for (long n = 1; n < 64; n++) {
        earnings__figure_list list;
        earnings__figure_list_init(&list);
        earnings__failalloc_set(n);
        int rc = earnings__figures_extract(norm, NULL, 0, &list);
        earnings__failalloc_set(0);
        CU_ASSERT(rc == EARNINGS_OK || rc == EARNINGS_ENOMEM);
        earnings__figure_list_free(&list);
        if (rc == EARNINGS_OK)
            break;
    }
    earnings_normalized_free(norm);
#endif
}

int main(void)
{
    static const tu_test tests[] = {
        {"digits", t_digits},
        {"words", t_words},
        {"scales", t_scales},
        {"ordinals", t_ordinals},
        {"chinese numbers", t_chinese_numbers},
        {"money", t_money},
        {"percent", t_percent},
        {"quantities", t_quantities},
        {"ranges", t_ranges},
        {"qualifiers", t_qualifiers},
        {"direction and comparison", t_direction_comparison},
        {"periods", t_periods},
        {"dates", t_dates},
        {"not figures", t_not_figures},
        {"original spans and exact values", t_spans_original},
        {"names", t_names},
        {"json", t_json},
        {"corpus smoke", t_corpus_smoke},
        {"paired bounds", t_paired_bounds},
        {"comparisons", t_comparisons},
        {"two-part money", t_two_part_money},
        {"word arithmetic", t_word_arithmetic},
        {"more units", t_more_units},
        {"conventions: ordinals", t_conv_ordinals},
        {"conventions: multiples and times", t_conv_multiples},
        {"conventions: counts and durations", t_conv_counts_durations},
        {"conventions: periods", t_conv_periods},
        {"chinese earnings text", t_chinese_earnings},
        {"statement forms", t_statement_forms},
        {"out of memory", t_enomem},
        {NULL, NULL},
    };
    return tu_run_suite("figures", tests);
}
