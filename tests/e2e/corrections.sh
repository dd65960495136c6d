#!/bin/sh
# Editors' corrections and name lists, end to end: a correction in the
# input folder changes the published item and survives a rebuild; it is
# never read as a bulletin; one that matches nothing is reported at its
# file:line; editing the corrections or a name list rebuilds; a name
# added to a list changes the decision without recompiling; check prints
# the review list and writes nothing.  The bulletin is our own writing.
. tests/lib.sh

mkdir "$tmp/in" || exit 1
cp -r names "$tmp/names" || exit 1
sed -e "s|^templates *=.*|templates = $PWD/templates|" digest.conf \
    >"$tmp/digest.conf"
cat >"$tmp/in/week.txt" <<'TXT'
 □ 중앙부처 및 지방자치단체 정책 동향

☞ 탄소중립 분야

구분 제목 및 주요 내용

지자체

□ 가평군, 마을 단위 태양광 공동체 모집 (2025.12.08)

- 가평군이 마을 주민이 함께 운영하는 태양광 발전 공동체를 모집

□ 누리솔빛, 지붕 태양광 임대 사업 확대 (2025.12.09)

- 누리솔빛이 공공건물 지붕을 빌려 태양광을 설치하는 사업을 확대
TXT
title='가평군, 마을 단위 태양광 공동체 모집'
printf '# title\twhat to impose\n%s\tother\tai\n없는 제목입니다\tcompany\n' \
    "가평군,  마을 단위 태양광 공동체 모집" >"$tmp/in/corrections.tsv"
build() {
	"$DIGEST" build -v -c "$tmp/digest.conf" -o "$tmp/out" "$tmp/in" \
	    >"$tmp/stdout" 2>"$tmp/err"
}
org_of() {	# the published org type of the item titled $1
	python3 -c '
import sys
sys.path.insert(0, "tests/site")
import searchindex
for d in searchindex.load(sys.argv[1]):
    if d["t"] == sys.argv[2]:
        print(d["o"], d["s"])
' "$tmp/out/site" "$1"
}

build || bad "build with corrections failed: $(cat "$tmp/err")"
[ "$(org_of "$title")" = "기타 AI 분야" ] && ok ||
    bad "the correction did not change the published item: $(org_of "$title")"
grep -q "corrections.tsv:3: warning: this correction matches no item" \
    "$tmp/err" && ok || bad "the unmatched correction is not reported: $(cat "$tmp/err")"
cat "$tmp/out/site/search/"*.js | grep -q "없는 제목" &&
    bad "corrections.tsv was read as a bulletin" || ok
grep -q "$title" "$tmp/out/site/org/other.html" && ok ||
    bad "the corrected item is not on the other page"

# A rebuild keeps it; an unchanged input is up to date.
build || bad "second build failed"
[ "$(org_of "$title")" = "기타 AI 분야" ] && ok || bad "the correction did not survive a rebuild"
grep -q "up to date" "$tmp/err" && ok || bad "an unchanged build was not up to date"

# Editing the corrections rebuilds: without the line the text decides.
printf '# none\n' >"$tmp/in/corrections.tsv"
build || bad "build after editing the corrections failed"
[ "$(org_of "$title")" = "지자체 탄소중립 분야" ] && ok ||
    bad "removing the correction did not rebuild: $(org_of "$title")"

# A name added to a list decides, without recompiling, and rebuilds.
t2='누리솔빛, 지붕 태양광 임대 사업 확대'
org2() {
	"$DIGEST" items -v --no-labels -c "$tmp/digest.conf" "$tmp/in" \
	    2>/dev/null | grep -F "$t2"
}
org2 | grep -q '"org":"local-inst"' && bad "누리솔빛 was a regional body before"
build && grep -q "up to date" "$tmp/err" || bad "no up-to-date build before the list edit"
printf '누리솔빛\n' >>"$tmp/names/regional.txt"
org2 | grep -q '"org":"local-inst"' && ok ||
    bad "a name added to regional.txt did not decide: $(org2)"
org2 | grep -q 'rule names, sure 1.00; actors: 누리솔빛(title-start)=local-inst\[누리솔빛 regional.txt:' &&
    ok || bad "items -v does not explain the names rule: $(org2)"
build || bad "build after editing a name list failed"
grep -q "up to date" "$tmp/err" && bad "editing a name list did not rebuild" || ok

# A bad correction line stops the build with its file:line, said after
# what reading the bulletins said (a title cut in a second file), as
# when the items were classified once all were read: they are now
# classified file by file, what that says kept until the end.
printf '%s\tno-such-type\n' "$title" >"$tmp/in/corrections.tsv"
long=$(python3 -c 'print("긴 제목 " * 100)')
printf ' □ 중앙부처 및 지방자치단체 정책 동향\n\n☞ 탄소중립 분야\n\n구분 제목 및 주요 내용\n\n지자체\n\n□ %s (2025.12.09)\n\n- 본문\n' \
    "$long" >"$tmp/in/week2.txt"
if build; then bad "a bad correction did not fail the build"; else ok; fi
# At the column of the field after the title and its tab (characters).
col=$(python3 -c 'import sys; print(len(sys.argv[1]) + 2)' "$title")
grep -q "corrections.tsv:1:$col: error: no-such-type" "$tmp/err" && ok ||
    bad "the bad correction is not at file:line:$col: $(cat "$tmp/err")"
cut=$(grep -n 'week2.txt:.*title of .* characters: cut' "$tmp/err" | cut -d: -f1)
err=$(grep -n 'corrections.tsv:1:[0-9]*: error' "$tmp/err" | cut -d: -f1)
[ -n "$cut" ] && [ -n "$err" ] && [ "$cut" -lt "$err" ] && ok ||
    bad "the correction's error is not said after the bulletins': $(cat "$tmp/err")"
rm "$tmp/in/corrections.tsv" "$tmp/in/week2.txt"

# check: the review list, least sure first, and nothing written.
"$DIGEST" check --no-labels -c "$tmp/digest.conf" -o "$tmp/never" \
    "$tmp/in" >"$tmp/check" 2>/dev/null || bad "check failed"
[ -e "$tmp/never" ] && bad "check wrote output"
grep -q '^review: [0-9]* of 2 decisions below 0.50 sure' "$tmp/check" && ok ||
    bad "check prints no review list: $(cat "$tmp/check")"
sed 's/^review_below = .*/review_below = 1.01/' "$tmp/digest.conf" >"$tmp/all.conf"
"$DIGEST" check --no-labels -c "$tmp/all.conf" "$tmp/in" >"$tmp/check" 2>/dev/null
n=$(grep -c ': review: .* -> .* (.*), rule .*, sure [0-9.]*, runner-up .*, actor ' "$tmp/check")
[ "$n" = 2 ] && ok || bad "review lines: $n, want 2: $(cat "$tmp/check")"

# check with the labels: the org labels the text alone disputes.
"$DIGEST" check -c "$tmp/digest.conf" "$tmp/in" >"$tmp/check" 2>/dev/null
grep -q '^disputed: 1 of 2 org labels$' "$tmp/check" && ok ||
    bad "disputed labels not counted: $(tail -3 "$tmp/check")"
grep -q ": label disputed: $t2: labelled local, the text says local-inst (rule names, sure 1.00)" \
    "$tmp/check" && ok || bad "the disputed label is not listed: $(tail -3 "$tmp/check")"

echo "corrections: $pass passed, $fail failed"
[ $fail = 0 ]
