#!/usr/bin/env bash
# Every function the public headers export is listed in docs/api.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
missing=0
for fn in $(grep -h -o 'EARNINGS_API[^(]*(' "$root"/include/earnings/*.h "$root"/include/earnings/*.h.in \
            | grep -o 'earnings_[a-z0-9_]*($' | tr -d '(' | sort -u); do
  grep -q "\`$fn(" "$root/docs/api.md" || { echo "docs/api.md does not list $fn"; missing=1; }
done
exit $missing
