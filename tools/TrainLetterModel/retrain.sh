#!/usr/bin/env bash
# Retrains the letter category model (Api/Rules/letter-model.zip + letter-model.json) on tests/corpus/letters.
# Every blind batch of the corpus (tests/corpus/letters/blind-*.jsonl) is replayed as its first run: read by the rules
# file as it was just before the commit that added the batch (the batches are committed as run first on main, before
# the round that folds them into the rules). Extra arguments go to the tool, e.g.
#   tools/TrainLetterModel/retrain.sh --new-writer /work/blind/letters-blind-X.jsonl   (a batch not in the corpus: measured only)
#   tools/TrainLetterModel/retrain.sh --evaluate-only                                   (figures, no files written)
set -euo pipefail
cd "$(dirname "$0")/../.."

rules=$(mktemp -d)
trap 'rm -rf "$rules"' EXIT
first_runs=()
for batch in tests/corpus/letters/blind-*.jsonl; do
    group=$(basename "$batch" .jsonl)
    added=$(git log --format=%H --diff-filter=A -- "$batch" | tail -1)
    if [[ -z "$added" ]]; then
        echo "$batch is not committed: commit it (before the rules round that folds it in) so its first run can be replayed." >&2
        exit 2
    fi
    git show "$added^:Api/Rules/guideline-rules.json" > "$rules/$group.json"
    first_runs+=(--first-run "$rules/$group.json:$group")
done
dotnet run -c Release --project tools/TrainLetterModel -- "${first_runs[@]}" "$@"
