#!/bin/sh
# Faults that are ordinary on a shared machine, each ending within
# seconds with exit 1 (or 2) and a message naming the file, folder or
# line: a FIFO, a device, a socket, symlink loops and diamonds, an
# unreadable file (as nobody), an undecodable one, an oversize one,
# dates in the future or before earliest_date, a control character in a
# file name.  An input error publishes nothing.
. tests/lib.sh
# says LINE: standard error holds LINE exactly.
# (check lists its warnings at the end, on standard output)
says() {
	if grep -qxF -- "$1" "$tmp/err" "$tmp/out"; then ok; else
		bad "want the message '$1', got: $(head -c 300 "$tmp/err")"; fi
}

# An item of the weekly draft dialect dated $1 (YYYY.MM.DD), titled $2
# (default: 환경부, 공공청사 태양광 지침 마련), on line 7.
draft() {
	printf '□ 중앙부처 및 지방자치단체 정책 동향\n\n☞ 탄소중립 분야\n\n'
	printf '중앙부처\n\n□ %s (%s)\n\n' "${2:-환경부, 공공청사 태양광 지침 마련}" "$1"
	printf -- '- 공공청사 옥상 설비의 설치 기준을 정리\n'
}

# --- not regular files: named, never opened, never blocking ---
mkdir "$tmp/in"
draft 2025.12.04 >"$tmp/in/a.txt"
mkfifo "$tmp/in/pipe.txt"
status 1 "$DIGEST" check "$tmp/in"
says "$tmp/in/pipe.txt: error: not a regular file but a named pipe (FIFO): not read"
grep -q "a.txt: format weekly draft" "$tmp/out" && ok || bad "FIFO: the other file was not read"
status 1 "$DIGEST" build -o "$tmp/o" "$tmp/in"
says "$tmp/in/pipe.txt: error: not a regular file but a named pipe (FIFO): not read"
[ ! -e "$tmp/o" ] && ok || bad "FIFO: build wrote $tmp/o"
rm "$tmp/in/pipe.txt"

# A symlink to /dev/zero: refused before one byte is read.
ln -s /dev/zero "$tmp/in/zero.txt"
status 1 "$DIGEST" items "$tmp/in"
says "$tmp/in/zero.txt: error: not a regular file but a character device: not read"
status 1 "$DIGEST" items "$tmp/in/zero.txt"
says "$tmp/in/zero.txt: error: not a regular file but a character device: not read"
rm "$tmp/in/zero.txt"

# A socket.
if python3 -c 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$tmp/in/sock.txt" 2>/dev/null; then
	status 1 "$DIGEST" check "$tmp/in"
	says "$tmp/in/sock.txt: error: not a regular file but a socket: not read"
	rm "$tmp/in/sock.txt"
else
	echo "skipped: socket (python3 cannot bind a unix socket here)"
	skipped=$((skipped + 1))
fi

# --- the folder walk: links followed once, loops reported ---
# Two links to "." made the walk exponential; now each is a loop.
ln -s . "$tmp/in/x"
ln -s . "$tmp/in/y"
status 1 "$DIGEST" check "$tmp/in"
says "$tmp/in/x: error: a symbolic link loop: this is the folder $tmp/in again; not read twice"
says "$tmp/in/y: error: a symbolic link loop: this is the folder $tmp/in again; not read twice"
[ "$(grep -c 'a.txt: format' "$tmp/out")" = 1 ] && ok || bad "loop: a.txt read $(grep -c 'a.txt: format' "$tmp/out") times"
rm "$tmp/in/x" "$tmp/in/y"
# A loop deeper down: sub/up -> ..
mkdir "$tmp/in/sub"
ln -s .. "$tmp/in/sub/up"
status 1 "$DIGEST" check "$tmp/in"
says "$tmp/in/sub/up: error: a symbolic link loop: this is the folder $tmp/in again; not read twice"
rm -r "$tmp/in/sub"
# A diamond: two links to one folder outside; read once, warned, exit 0.
mkdir "$tmp/shared"
draft 2025.12.05 "해양수산부, 어촌 재생 사업 공모" >"$tmp/shared/s.txt"
ln -s ../shared "$tmp/in/l1"
ln -s ../shared "$tmp/in/l2"
status 0 "$DIGEST" items "$tmp/in"
[ "$(wc -l <"$tmp/out")" = 2 ] && ok || bad "diamond: $(wc -l <"$tmp/out") items, want 2"
says "$tmp/in/l2: warning: the same folder as $tmp/in/l1, already read; not read twice"
# A file reached twice (a link to it): read once.
ln -s a.txt "$tmp/in/b.txt"
status 0 "$DIGEST" items "$tmp/in"
[ "$(wc -l <"$tmp/out")" = 2 ] && ok || bad "file twice: $(wc -l <"$tmp/out") items, want 2"
says "$tmp/in/b.txt: warning: the same file as $tmp/in/a.txt, already read; not read twice"
rm "$tmp/in/b.txt" "$tmp/in/l1" "$tmp/in/l2"
# A dangling link.
ln -s nowhere.txt "$tmp/in/gone.txt"
status 1 "$DIGEST" check "$tmp/in"
says "$tmp/in/gone.txt: error: cannot read: No such file or directory"
rm "$tmp/in/gone.txt"

# --- unreadable, as a user who cannot read it (tests run as root) ---
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
	u="$tmp/nobody"
	mkdir -p "$u/in/locked"
	cp "$DIGEST" "$u/digest"
	cp digest.conf "$u/"
	draft 2025.12.04 >"$u/in/a.txt"
	draft 2025.12.04 >"$u/in/secret.txt"
	chmod 000 "$u/in/secret.txt" "$u/in/locked"
	chmod 755 "$tmp" "$u" "$u/in"
	chmod 644 "$u/digest.conf" "$u/in/a.txt"
	cd "$u" || exit 1
	as_nobody="setpriv --reuid=nobody --regid=nogroup --clear-groups"
	status 1 $as_nobody ./digest check in
	says "in/secret.txt: error: cannot read: Permission denied"
	says "in/locked: error: cannot read: Permission denied"
	status 1 $as_nobody ./digest build -o out in
	[ ! -e out ] && ok || bad "unreadable: build wrote out/"
	cd - >/dev/null || exit 1
	chmod 700 "$u/in/locked"
else
	echo "skipped: unreadable files (needs root, setpriv and the user nobody to drop privileges)"
	skipped=$((skipped + 1))
fi

# --- undecodable ---
printf '\303\050 \240\241 \377\376\375 \200\201\n' >"$tmp/undecodable.txt"
status 1 "$DIGEST" build -o "$tmp/o" "$tmp/in" "$tmp/undecodable.txt"
says "$tmp/undecodable.txt: error: neither UTF-8 (line 1 is not) nor CP949 (EUC-KR): cannot decide its encoding"
[ ! -e "$tmp/o" ] && ok || bad "undecodable: build wrote $tmp/o"

# --- oversize: the default limit refuses a 65 MB file without reading
# it (a sparse file: no disk used); a smaller configured one too ---
truncate -s 65M "$tmp/big.txt"
status 1 "$DIGEST" check "$tmp/big.txt"
says "$tmp/big.txt: error: larger than the limit of 64 MB ([digest] max_file_mb): not read"
sed 's/^max_file_mb = .*/max_file_mb = 1/' digest.conf >"$tmp/small.conf"
grep -q '^max_file_mb = 1$' "$tmp/small.conf" || bad "digest.conf has no max_file_mb line"
head -c 1100000 /dev/zero | tr '\0' 'a' >"$tmp/mb.txt"
status 1 "$DIGEST" -c "$tmp/small.conf" items "$tmp/mb.txt"
says "$tmp/mb.txt: error: larger than the limit of 1 MB ([digest] max_file_mb): not read"

# --- dates that cannot be true ---
draft 2052.12.04 >"$tmp/in/typo.txt"
status 1 "$DIGEST" check "$tmp/in"
says "$tmp/in/typo.txt:7:23: error: dated 2052-12-04, after today $(date -u +%Y-%m-%d -d @$(( $(date +%s) + 9 * 3600 ))): a mistyped year? 환경부, 공공청사 태양광 지침 마련"
# The mistyped year no longer makes the latest issue: nothing is
# published, and the site built before stays as it was.
mv "$tmp/in/typo.txt" "$tmp/typo.txt"
status 0 "$DIGEST" build -q --today 2025-12-31 -o "$tmp/o" "$tmp/in"
before=$(cd "$tmp/o" && find . -type f ! -name .digest-stamp | sort | xargs md5sum | md5sum)
status 1 "$DIGEST" build -q --today 2025-12-31 -o "$tmp/o" "$tmp/in" "$tmp/typo.txt"
says "$tmp/typo.txt:7:23: error: dated 2052-12-04, after today 2025-12-31: a mistyped year? 환경부, 공공청사 태양광 지침 마련"
says "digest: error: errors in the input: nothing published"
after=$(cd "$tmp/o" && find . -type f ! -name .digest-stamp | sort | xargs md5sum | md5sum)
[ "$before" = "$after" ] && ok || bad "mistyped year: the output changed"
ls "$tmp/o" | grep -q 'brief-1517' && bad "brief-1517 written" || ok
# --today fixes the day: the same item is fine a day later, an error a
# day before.
status 0 "$DIGEST" items --today 2025-12-04 "$tmp/in/a.txt"
status 1 "$DIGEST" items --today 2025-12-03 "$tmp/in/a.txt"
says "$tmp/in/a.txt:7:23: error: dated 2025-12-04, after today 2025-12-03: a mistyped year? 환경부, 공공청사 태양광 지침 마련"
status 2 "$DIGEST" items --today 2025-13-01 "$tmp/in/a.txt"
status 2 "$DIGEST" items --today yesterday "$tmp/in/a.txt"
# Before earliest_date (2000-01-01 in digest.conf).
draft 1925.12.04 >"$tmp/old.txt"
status 1 "$DIGEST" items "$tmp/old.txt"
says "$tmp/old.txt:7:23: error: dated 1925-12-04, before [digest] earliest_date 2000-01-01: a mistyped year? 환경부, 공공청사 태양광 지침 마련"
sed 's/^earliest_date = .*/earliest_date = 1900-01-01/' digest.conf >"$tmp/old.conf"
status 0 "$DIGEST" -c "$tmp/old.conf" items "$tmp/old.txt"
# An issue far from all others with one item: a warning from check and
# build, naming the item.
draft 2025.03.06 >"$tmp/in/march.txt"
status 0 "$DIGEST" check --today 2025-12-31 "$tmp/in"
# (check lists its problems by file:line; messages add the column)
says "$tmp/in/march.txt:7: warning: No. 69 (2025-03-13) holds 1 item only and is 39 weeks from any other issue ([digest] lone_issue_weeks 8): is this date right? 환경부, 공공청사 태양광 지침 마련"
status 0 "$DIGEST" build --today 2025-12-31 -o "$tmp/o3" "$tmp/in"
says "$tmp/in/march.txt:7:23: warning: No. 69 (2025-03-13) holds 1 item only and is 39 weeks from any other issue ([digest] lone_issue_weeks 8): is this date right? 환경부, 공공청사 태양광 지침 마련"
rm "$tmp/in/march.txt"

# --- a file name with control characters: escaped, one line ---
evil=$(printf 'evil\033[2J\nname\rx.txt')
printf '\303\050 \377\375 \200\n' >"$tmp/in/$evil"
chmod 644 "$tmp/in/$evil"
status 1 "$DIGEST" check "$tmp/in"
says "$tmp/in/evil\\x1b[2J\\nname\\rx.txt: error: neither UTF-8 (line 1 is not) nor CP949 (EUC-KR): cannot decide its encoding"
if LC_ALL=C grep -q "$(printf '\033')" "$tmp/err" "$tmp/out"; then bad "a raw ESC reached the terminal"; else ok; fi
[ "$(grep -c 'name' "$tmp/err")" = 1 ] && ok || bad "the file name split the message: $(cat "$tmp/err")"
rm "$tmp/in/$evil"
# Control characters in an item's text: escaped in the message too.
printf '□ 중앙부처 및 지방자치단체 정책 동향\n\n☞ 탄소중립 분야\n\n중앙부처\n\n□ 환경부\033]0;pwned\007 지침 (2052.12.04)\n\n- 요약\n' >"$tmp/ctl.txt"
status 1 "$DIGEST" items --today 2025-12-31 "$tmp/ctl.txt"
grep -qF 'a mistyped year? 환경부\x1b]0;pwned\x07 지침' "$tmp/err" && ok || bad "control characters in a title: $(cat -v "$tmp/err")"

echo "input-faults: $pass passed, $fail failed, $skipped skipped"
[ $fail = 0 ]
