#!/usr/bin/env python3
"""Measure context attachment on the real corpus against expectations derived from the gold.

Runs `numlint extract --format json CORPUS`, finds each figure of
scripts/context_expectations.json by line (±1) and value, and reports the share of figures
whose expected subject/partner/metric/period all match, and per field.

Usage: python3 scripts/check_context.py [--numlint PATH] [--corpus PATH] [--list]
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--numlint", default=os.path.join(HERE, "..", "target", "release", "numlint"))
    ap.add_argument("--corpus", default="/work/shared/corpus/000_dd1dc7dac365b328.txt")
    ap.add_argument("--expectations", default=os.path.join(HERE, "context_expectations.json"))
    ap.add_argument("--list", action="store_true", help="print every figure, not only misses")
    a = ap.parse_args()

    out = subprocess.run([a.numlint, "extract", "--format", "json", a.corpus],
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"numlint failed: {out.stderr}")
    rows = [json.loads(l) for l in out.stdout.splitlines() if l.strip()]
    claims = [r for r in rows if r.get("claim")]
    exp = json.load(open(a.expectations))["figures"]

    fields = ["subject", "partner", "metric", "period"]
    right = 0
    per_field = {f: [0, 0] for f in fields}
    for e in exp:
        v = float(e["value"])
        cands = [r for r in claims
                 if abs(r["line"] - e["line"]) <= 1
                 and abs(float(r["value"]) - v) <= max(abs(v) * 0.005, 1e-9)]
        cands.sort(key=lambda r: abs(r["line"] - e["line"]))
        got = cands[0] if cands else None
        misses = []
        for f, want in e["expect"].items():
            have = got.get(f) if got else None
            per_field[f][1] += 1
            if have == want:
                per_field[f][0] += 1
            else:
                misses.append(f"{f}: want {want}, got {have}")
        ok = not misses
        right += ok
        if a.list or not ok:
            where = f"{e['case']} l.{e['line']} {e['value']}"
            if got is None:
                print(f"MISS {where}: figure not extracted")
            else:
                status = "ok  " if ok else "MISS"
                print(f"{status} {where} [{got['surface']!r} role={got.get('role')} "
                      f"conf={got.get('confidence')}] " + "; ".join(misses))
    n = len(exp)
    print(f"\nfigures with the right context: {right}/{n} = {100 * right / n:.1f} %")
    for f in fields:
        ok, tot = per_field[f]
        if tot:
            print(f"  {f:8} {ok}/{tot} = {100 * ok / tot:.1f} %")


main()
