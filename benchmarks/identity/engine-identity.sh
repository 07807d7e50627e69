#!/usr/bin/env bash
# Shows that a change to the text core, the guidance engine or the screener leaves their output byte for byte as it
# was: every letter and reply of tests/corpus (and its probes) is suggested and screened by BASE and by this tree, as the
# API runs them (with the learned models) and by the rules alone, and the dumps are diffed. Exit 0: identical.
#   BASE=/tmp/base-worktree benchmarks/identity/engine-identity.sh
# BASE is a checkout of the commit to compare with (its tools need the --dump modes).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
base=${BASE:?set BASE to a checkout to compare with}
out=${OUT:-/tmp/engine-identity}
mkdir -p "$out"
corpus=$here/tests/corpus
letters=$(ls "$corpus"/letters/*.jsonl "$corpus"/probes/letters-*.jsonl "$corpus"/probes/round7-c.jsonl)
replies=$(ls "$corpus"/replies/*.jsonl "$corpus"/probes/replies-*.jsonl)

dump() { # tree name
  local tree=$1 name=$2
  dotnet build -c Release -v q -nologo "$tree/tools/EvaluateLetters" >/dev/null
  dotnet build -c Release -v q -nologo "$tree/tools/EvaluateScreening" >/dev/null
  local l=$tree/tools/EvaluateLetters/bin/Release/net10.0 s=$tree/tools/EvaluateScreening/bin/Release/net10.0
  dotnet "$l/SmartPost.EvaluateLetters.dll" --dump $letters > "$out/$name-letters-rules.jsonl"
  dotnet "$l/SmartPost.EvaluateLetters.dll" --with-model --dump $letters > "$out/$name-letters-model.jsonl"
  dotnet "$s/SmartPost.EvaluateScreening.dll" --dump $replies > "$out/$name-replies-rules.jsonl"
  dotnet "$s/SmartPost.EvaluateScreening.dll" --dump --model "$s/Rules/screening-model.zip" $replies > "$out/$name-replies-model.jsonl"
}
dump "$base" base
dump "$here" this
status=0
for kind in letters-rules letters-model replies-rules replies-model; do
  if cmp -s "$out/base-$kind.jsonl" "$out/this-$kind.jsonl"; then
    echo "$kind: identical ($(wc -l < "$out/this-$kind.jsonl") lines, sha256 $(sha256sum < "$out/this-$kind.jsonl" | cut -c1-16))"
  else
    echo "$kind: DIFFERENT"; diff "$out/base-$kind.jsonl" "$out/this-$kind.jsonl" | head -5; status=1
  fi
done
exit $status
