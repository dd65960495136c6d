#!/bin/sh
# The configuration is as strict as the input: a line of any length
# works; a bad value, an unknown key or section is an error at
# file:line and nothing is built; a template's fault names the template.
. tests/lib.sh
says() {
	if grep -qxF -- "$1" "$tmp/err"; then ok; else
		bad "want the message '$1', got: $(head -c 300 "$tmp/err")"; fi
}
# line KEY: the line number of "KEY =" in digest.conf.
line() { grep -n "^$1 =" digest.conf | head -1 | cut -d: -f1; }
# with SED-SCRIPT: digest.conf edited, as $tmp/c.conf (templates found
# where digest.conf's are).
with() { sed -e "$1" -e "s|^templates = .*|templates = $PWD/templates|" digest.conf >"$tmp/c.conf"; }

# A disclaimer of 400 bytes (libinih refused 200): built and printed.
long=$(printf '%0133d' 0 | sed 's/0/가/g')
with "s|^disclaimer = .*|disclaimer = ※ $long|"
[ "$(grep '^disclaimer' "$tmp/c.conf" | wc -c)" -gt 400 ] && ok || bad "the disclaimer line is not over 400 bytes"
status 0 "$DIGEST" build -q -c "$tmp/c.conf" -o "$tmp/o" input
grep -rqF "※ $long" "$tmp/o/site" && ok || bad "the 400-byte disclaimer is not on the site"

# Bad values, each at its line and the value's column; nothing is built.
n=$(line duplicate_threshold)
with 's/^duplicate_threshold = .*/duplicate_threshold = abc/'
status 1 "$DIGEST" build -c "$tmp/c.conf" -o "$tmp/o2" input
says "$tmp/c.conf:$n:23: error: [digest] duplicate_threshold = abc: want a number (0 to 1)"
[ ! -e "$tmp/o2" ] && ok || bad "a bad configuration built $tmp/o2"
with 's/^duplicate_threshold = .*/duplicate_threshold = 1.5/'
status 1 "$DIGEST" check -c "$tmp/c.conf" input
says "$tmp/c.conf:$n:23: error: [digest] duplicate_threshold = 1.5: want a number in range (0 to 1)"
n=$(line recent)
with 's/^recent = .*/recent = ten/'
status 1 "$DIGEST" items -c "$tmp/c.conf" input
says "$tmp/c.conf:$n:10: error: [site] recent = ten: want an integer (1 to 100000)"
n=$(line section_new_page)
with 's/^section_new_page = .*/section_new_page = true/'
status 1 "$DIGEST" items -c "$tmp/c.conf" input
says "$tmp/c.conf:$n:20: error: [pdf] section_new_page = true: want yes or no"
n=$(line anchor_date)
with 's/^anchor_date = .*/anchor_date = 2025-02-30/'
status 1 "$DIGEST" items -c "$tmp/c.conf" input
says "$tmp/c.conf:$n:15: error: [digest] anchor_date = 2025-02-30: want a date as YYYY-MM-DD"
# Unknown keys and sections, at their lines.
n=$(line duplicate_days)
with 's/^duplicate_days = /duplicate_dayz = /'
status 1 "$DIGEST" items -c "$tmp/c.conf" input
says "$tmp/c.conf:$n:1: error: [digest] has no key 'duplicate_dayz'"
n=$(grep -n '^\[mail\]' digest.conf | cut -d: -f1)
with 's/^\[mail\]/[mial]/'
status 1 "$DIGEST" items -c "$tmp/c.conf" input
says "$tmp/c.conf:$n:2: error: unknown section [mial]"
[ "$(wc -l <"$tmp/err")" = 1 ] && ok || bad "an unknown section: $(wc -l <"$tmp/err") messages, want 1"
n=$(grep -n '^\[sector.ai\]' digest.conf | cut -d: -f1)
with '/^\[sector.ai\]/a keyword = AI:5'
status 1 "$DIGEST" items -c "$tmp/c.conf" input
says "$tmp/c.conf:$((n + 1)):1: error: [sector.ai] has no key 'keyword'"
# Several faults: all reported in one run.
with 's/^recent = .*/recent = 0/; s/^weekday = .*/weekday = Thursday/'
status 1 "$DIGEST" items -c "$tmp/c.conf" input
says "$tmp/c.conf:$(line recent):10: error: [site] recent = 0: want an integer in range (1 to 100000)"
says "$tmp/c.conf:$(line weekday):11: error: [digest] weekday = Thursday: want a weekday in English, lower case (thursday)"
# A configuration that is a FIFO or a device is refused, not read.
mkfifo "$tmp/fifo.conf"
status 1 "$DIGEST" items -c "$tmp/fifo.conf" input
says "$tmp/fifo.conf: error: not a regular file but a named pipe (FIFO): not read"
status 1 "$DIGEST" items -c /dev/zero input
says "/dev/zero: error: not a regular file but a character device: not read"

# A template that ctemplate cannot parse: named, once, exit 1.
cp -r templates "$tmp/t"
printf '{{TITLE}\n' >>"$tmp/t/item.md"
sed "s|^templates = .*|templates = $tmp/t|" digest.conf >"$tmp/t.conf"
status 1 "$DIGEST" build -q -c "$tmp/t.conf" -o "$tmp/o3" input
says "$tmp/t/item.md: error: cannot read or expand the template: No ending '}}' when parsing name starting with 'TITLE}\\n'"
[ "$(grep -c 'item.md' "$tmp/err")" = 1 ] && ok || bad "the template fault was reported $(grep -c 'item.md' "$tmp/err") times"

echo "config-faults: $pass passed, $fail failed"
[ $fail = 0 ]
