/**
 * @file earnings.h
 * @brief libearnings: structured, checkable facts from earnings text in
 * English and Chinese. Include this one header.
 *
 * Pipeline: normalize (earnings/normalize.h) -> tokenize and segment
 * (earnings/tokenize.h) -> figures -> entities -> facts, driven by
 * earnings_parse() (earnings/document.h).
 */
#ifndef EARNINGS_H
#define EARNINGS_H

#include "earnings/common.h"
#include "earnings/version.h"
#include "earnings/errors.h"
#include "earnings/normalize.h"
#include "earnings/tokenize.h"
#include "earnings/figures.h"
#include "earnings/entities.h"
#include "earnings/document.h"
#include "earnings/facts.h"

#endif /* EARNINGS_H */
