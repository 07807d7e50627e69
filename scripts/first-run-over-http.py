#!/usr/bin/env python3
"""First-run figures of a labelled batch, measured from outside over HTTP as acceptance measures them.

    scripts/first-run-over-http.py replies <base-url> <file.jsonl> [--out results.jsonl]
    scripts/first-run-over-http.py letters <base-url> <file.jsonl> [--out results.jsonl]

replies: POST /api/v1/screening/analyze per reply; per kind recall over Certain ∪ Possible, Certain precision,
         any-flag precision, and the share of unlabelled replies that get any flag ("clean flagged").
letters: POST /api/v1/reply-options/suggest per letter with chosenOption and the recipient's Digital Post
         exemption; per check recall / precision, recommendation and category accuracy, "unsure" warnings.

Files use the corpus format of tests/corpus (labels per LABELS.md). The API must run with Development identity
(ASPNETCORE_ENVIRONMENT=Development); the tool library's in-process evaluators (tools/EvaluateScreening,
tools/EvaluateLetters) answer the same questions without HTTP while rules are being written.
"""
import json
import sys
import time
import urllib.error
import urllib.request

KINDS = {
    "aktindsigt": "AccessToRecordsRequest",
    "klage": "Complaint",
    "fristforlaengelse": "DeadlineExtensionRequest",
    "selvbetjening": "SelfServiceExemptionRequest",
}
CHECKS = ["MissingComplaintGuidance", "ComplaintGuidanceInWithdrawal", "QuestionWithoutReplyOption", "SelfServiceCheck"]
HEADERS = {"Content-Type": "application/json", "X-Dev-User": "cw-eval", "X-Dev-Teams": "team-helbred"}


def post(base, path, body, attempts=10):
    """One POST; a 429 from the API's per-caller rate limit is waited out (Retry-After) rather than counted as an
    error, so several batches can run back to back against one API."""
    request = urllib.request.Request(base.rstrip("/") + path, data=json.dumps(body).encode(), headers=HEADERS)
    for attempt in range(attempts):
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            if error.code != 429 or attempt == attempts - 1:
                return error.code, json.loads(error.read() or b"{}")
            time.sleep(float(error.headers.get("Retry-After") or 5))


def pct(part, whole):
    return f"{100.0 * part / whole:5.1f}" if whole else "   - "


def replies(base, items, out):
    counts = {k: {"pos": 0, "found": 0, "certain": 0, "certain_right": 0, "flagged": 0, "flag_right": 0} for k in KINDS}
    clean = clean_flagged = failed = 0
    for item in items:
        status, body = post(base, "/api/v1/screening/analyze", {"subject": item.get("subject", ""), "text": item["text"]})
        if status != 200:
            failed += 1
            print(f"  {item['id']}: HTTP {status} {body.get('title', '')}", file=sys.stderr)
            continue
        flags = {f["kind"]: f["certainty"] for f in body.get("flags", [])}
        labels = set(item.get("labels", []))
        out.append({"id": item["id"], "labels": sorted(labels), "flags": flags})
        if not labels:
            clean += 1
            clean_flagged += bool(flags)
        for label, kind in KINDS.items():
            c = counts[label]
            c["pos"] += label in labels
            c["found"] += label in labels and kind in flags
            c["flagged"] += kind in flags
            c["flag_right"] += kind in flags and label in labels
            c["certain"] += flags.get(kind) == "Certain"
            c["certain_right"] += flags.get(kind) == "Certain" and label in labels
    print(f"{'kind':<18} {'pos':>4} {'recall':>6} {'P(any)':>6} {'P(Cert)':>7}")
    for label, c in counts.items():
        print(f"{label:<18} {c['pos']:>4} {pct(c['found'], c['pos']):>6} {pct(c['flag_right'], c['flagged']):>6} "
              f"{pct(c['certain_right'], c['certain']):>7}")
    print(f"clean flagged: {clean_flagged} of {clean} = {pct(clean_flagged, clean).strip()} %   (HTTP errors: {failed})")


def letters(base, items, out):
    counts = {k: {"pos": 0, "found": 0, "flagged": 0} for k in CHECKS}
    rec = cat = n = unsure = failed = 0
    for item in items:
        body = {k: item[k] for k in ("documentTitle", "documentType", "text", "recipient", "caseClosed", "chosenOption") if k in item}
        status, answer = post(base, "/api/v1/reply-options/suggest", body)
        if status != 200:
            failed += 1
            print(f"  {item['id']}: HTTP {status} {answer.get('title', '')} {answer.get('errors', '')}", file=sys.stderr)
            continue
        codes = {c["code"] for c in answer.get("checks", [])}
        got = {k: (any("SelfService" in c for c in codes) if k == "SelfServiceCheck" else k in codes) for k in CHECKS}
        expected = item.get("expected", {})
        out.append({"id": item["id"], "got": got, "recommendation": answer.get("recommendation"),
                    "category": answer.get("category"), "expected": expected})
        n += 1
        unsure += "CategoryUncertain" in codes
        rec += expected.get("recommendation") in (None, answer.get("recommendation"))
        cat += expected.get("category") in (None, answer.get("category"))
        for k in CHECKS:
            if expected.get(k) is None:
                continue
            c = counts[k]
            c["pos"] += bool(expected[k])
            c["found"] += bool(expected[k]) and got[k]
            c["flagged"] += got[k]
            c.setdefault("right", 0)
            c["right"] += got[k] and bool(expected[k])
    print(f"{'check':<30} {'pos':>4} {'recall':>6} {'prec':>6}")
    for k, c in counts.items():
        print(f"{k:<30} {c['pos']:>4} {pct(c['found'], c['pos']):>6} {pct(c.get('right', 0), c['flagged']):>6}")
    print(f"recommendation {pct(rec, n).strip()} %, category {pct(cat, n).strip()} % of {n} letters; "
          f"unsure warnings {unsure}; HTTP errors {failed}")


def main(argv):
    if len(argv) < 4 or argv[1] not in ("replies", "letters"):
        print(__doc__)
        return 2
    mode, base, path = argv[1], argv[2], argv[3]
    items = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    out = []
    (replies if mode == "replies" else letters)(base, items, out)
    if "--out" in argv:
        with open(argv[argv.index("--out") + 1], "w", encoding="utf-8") as f:
            f.writelines(json.dumps(o, ensure_ascii=False) + "\n" for o in out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
