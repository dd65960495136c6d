#!/bin/sh
# Dialect detection reads the table headers from the configuration
# ([trend] summary_header, [digest] header_label and header_content), not
# from words written in C: a trend bulletin whose summary header is
# configured otherwise is read as one, and the stock header then means
# nothing.  The bulletins are our own writing.
. tests/lib.sh

sed -e "s|^summary_header *=.*|summary_header = 요약 표 머리|" \
    -e "s|^header_label *=.*|header_label = 분류|" \
    -e "s|^header_content *=.*|header_content = 기사 제목과 요지|" \
    -e "s|^templates *=.*|templates = $PWD/templates|" digest.conf \
    >"$tmp/other.conf"
grep -q '^summary_header = 요약 표 머리$' "$tmp/other.conf" &&
    grep -q '^header_label = 분류$' "$tmp/other.conf" ||
    bad "the configuration was not rewritten"

cat >"$tmp/trend-2024-own.txt" <<'TXT'
요약 표 머리

∙ 바닷물 리튬 거름막 첫 시험 (해양연구소, 3.4)

바닷물 리튬 거름막 첫 시험 (해양연구소, 3.4)

해양연구소가 바닷물에서 리튬만 거르는 막을 처음으로 시험했다.
TXT
sed -e 's/^요약 표 머리$/구분 주요 내용 페이지/' "$tmp/trend-2024-own.txt" \
    >"$tmp/trend-2024-stock.txt"

# The configured header: a trend bulletin, its one article an item.
status 0 "$DIGEST" check -c "$tmp/other.conf" "$tmp/trend-2024-own.txt"
grep -q 'format trend watch' "$tmp/out" && ok ||
    bad "configured summary header not read as a trend bulletin: $(head -1 "$tmp/out")"
"$DIGEST" items -c "$tmp/other.conf" "$tmp/trend-2024-own.txt" \
    >"$tmp/items" 2>/dev/null
grep -q '"title":"바닷물 리튬 거름막 첫 시험 (해양연구소)"' "$tmp/items" &&
    [ "$(wc -l <"$tmp/items")" = 1 ] && ok ||
    bad "configured header: want the one article, got: $(cat "$tmp/items")"

# The stock header under that configuration is no header at all.
"$DIGEST" check -c "$tmp/other.conf" "$tmp/trend-2024-stock.txt" \
    >"$tmp/out" 2>&1
grep -q 'format trend watch' "$tmp/out" &&
    bad "the stock summary header still makes a trend bulletin" || ok

# And the stock configuration reads the stock header as before.
status 0 "$DIGEST" check "$tmp/trend-2024-stock.txt"
grep -q 'format trend watch' "$tmp/out" && ok ||
    bad "stock header, stock configuration: $(head -1 "$tmp/out")"

# The weekly table header as configured is the weekly draft's: a file
# of nothing but that header and a line of text is a draft under that
# configuration, and nothing known under the stock one.
printf '분류 기사 제목과 요지\n\n군청이 마을 태양광 공동체를 모집한다\n' \
    >"$tmp/week.txt"
"$DIGEST" check -c "$tmp/other.conf" "$tmp/week.txt" >"$tmp/out" 2>&1
grep -q 'format weekly draft' "$tmp/out" && ok ||
    bad "configured table header not read as a weekly draft: $(head -1 "$tmp/out")"
"$DIGEST" check "$tmp/week.txt" >"$tmp/out" 2>&1
grep -q 'format not recognised' "$tmp/out" && ok ||
    bad "another header under the stock configuration: $(head -1 "$tmp/out")"

# The openers of a trend article's notes are configured ([trend]
# note_openers): a note is kept as a bullet, as written, and is never
# the title of an article, even when it ends "(source, date)".
cat >"$tmp/trend-2024-notes.txt" <<'TXT'
구분 주요 내용 페이지

∙ 바닷물 리튬 거름막 첫 시험 (해양연구소, 3.4)

바닷물 리튬 거름막 첫 시험 (해양연구소, 3.4)

해양연구소가 바닷물에서 리튬만 거르는 막을 처음으로 시험했다.
- 거름막은 한 번에 물 열 통을 거른다
※ 앞선 보도: 거름막 설계 공개 (해양신문, 2.20)
◆ 뒤이은 보도: 시험 결과 발표 (바다일보, 3.6)
TXT
grep -q '^note_openers = ※ \* ▲ (참고$' digest.conf ||
    bad "digest.conf does not give the default note openers"
sed -e "s|^note_openers *=.*|note_openers = ※ * ▲ (참고 ◆|" \
    -e "s|^templates *=.*|templates = $PWD/templates|" digest.conf \
    >"$tmp/notes.conf"
grep -q '^note_openers = ※ \* ▲ (참고 ◆$' "$tmp/notes.conf" ||
    bad "the note openers were not rewritten"
# The stock openers: the ※ line is a note, the ◆ line an article.
"$DIGEST" items "$tmp/trend-2024-notes.txt" >"$tmp/items" 2>/dev/null
[ "$(wc -l <"$tmp/items")" = 2 ] &&
    head -1 "$tmp/items" | grep -q '"※ 앞선 보도: 거름막 설계 공개 (해양신문, 2.20)"\]' &&
    sed -n 2p "$tmp/items" | grep -q '"title":"◆ 뒤이은 보도: 시험 결과 발표 (바다일보)"' &&
    ok || bad "stock note openers: $(cat "$tmp/items")"
# A configured opener: the ◆ line is a note of the one article too.
"$DIGEST" items -c "$tmp/notes.conf" "$tmp/trend-2024-notes.txt" \
    >"$tmp/items" 2>/dev/null
[ "$(wc -l <"$tmp/items")" = 1 ] &&
    grep -q '"※ 앞선 보도: 거름막 설계 공개 (해양신문, 2.20)","◆ 뒤이은 보도: 시험 결과 발표 (바다일보, 3.6)"\]' "$tmp/items" &&
    ok || bad "configured note opener ◆: $(cat "$tmp/items")"
# Without ※ among them, the ※ line is an article's title.
sed -e "s|^note_openers *=.*|note_openers = ◆|" "$tmp/notes.conf" \
    >"$tmp/notes2.conf"
"$DIGEST" items -c "$tmp/notes2.conf" "$tmp/trend-2024-notes.txt" \
    >"$tmp/items" 2>/dev/null
[ "$(wc -l <"$tmp/items")" = 2 ] &&
    grep -q '"title":"※ 앞선 보도: 거름막 설계 공개 (해양신문)"' "$tmp/items" &&
    ok || bad "note openers without ※: $(cat "$tmp/items")"

echo "dialect-config: $pass passed, $fail failed"
[ $fail = 0 ]
