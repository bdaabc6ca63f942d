#!/usr/bin/env bash
# tests/security/suite.sh: 1,000+ malformed requests against the running test
# stack (tests/run.sh sets RCHUB_TEST_URL, RCHUB_TEST_VAR, RCHUB_TEST_ROOT):
# broken percent-encoding, invalid UTF-8, control characters, giant headers
# and bodies, wrong methods, bad cookies, missing or wrong CSRF tokens, wrong
# content types, header injection, over-long values, too many fields, and
# malformed HTTP sent byte by byte. The requests are generated from fixed lists,
# so every run sends the same ones.
#
# Each request has an explicit expected status: a 4xx where the input is
# wrong, a 2xx/3xx where it is in fact acceptable (an unknown parameter, a
# cookie the site ignores, whitespace in a search). Every answer must be that
# status, never a 5xx, and every 4xx must carry a Russian message: the
# program's own page, or for what nginx refuses before the program sees it (a
# header or body over its limits, a malformed request line, TRACE) the static
# Russian pages of templates/static/errors/ that nginx/rchub.conf.in names.
# At the end: no rchub.fcgi worker died (same worker pids, no worker_died in
# the program's log since the suite began) and the site still answers.
#
# TAP: one line per category with its counts; each failing request gets its
# own "not ok" line naming it (the first 20 per category).
set -uo pipefail
url=${RCHUB_TEST_URL:?}
var=${RCHUB_TEST_VAR:?}
hostport=${url#http://}
host=${hostport%%:*}
port=${hostport##*:}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
body=$work/body
head=$work/head
log=$var/log/rchub.log

# ---- bookkeeping ------------------------------------------------------------

categories=()
declare -A total=() bad=() by_nginx=()
failures=()      # "category<TAB>request: what went wrong"
category=""
sent=0

begin() {
	category=$1
	categories+=("$1")
	total[$1]=0 bad[$1]=0 by_nginx[$1]=0
}

fail() {
	bad[$category]=$((bad[$category] + 1))
	failures+=("$category"$'\t'"$1")
}

has_cyrillic() { LC_ALL=C grep -q $'[\xd0\xd1][\x80-\xbf]' "$1"; }

# Judges the answer in $head/$body: CODE against the regex EXPECT.
judge() {
	local name=$1 expect=$2 code=$3
	sent=$((sent + 1))
	total[$category]=$((total[$category] + 1))
	if [ "$code" = 000 ] || [ -z "$code" ]; then
		fail "$name: no answer (connection closed or timed out)"
	elif [[ $code == 5* ]]; then
		fail "$name: server error $code (expected $expect)"
	elif ! [[ $code =~ ^($expect)$ ]]; then
		fail "$name: got $code, expected $expect"
	elif [[ $code == 4* ]]; then
		if grep -q '<center>nginx</center>' "$body"; then
			fail "$name: $code is nginx's built-in English page (add it to error_page in nginx/rchub.conf.in)"
		elif ! has_cyrillic "$body"; then
			fail "$name: the $code page carries no Russian message"
		elif ! grep -q 'class="site-nav"' "$body"; then
			by_nginx[$category]=$((by_nginx[$category] + 1))
		fi
	fi
	if grep -qiE '^(x-injected|set-cookie: *injected)' "$head"; then
		fail "$name: the response carries an injected header"
	fi
}

# req NAME EXPECT CURL-ARGS...: one request with curl, judged.
req() {
	local name=$1 expect=$2 code
	shift 2
	: >"$body"
	: >"$head"
	code=$(curl -s -g --path-as-is --max-time 30 -H 'Expect:' -o "$body" -D "$head" -w '%{http_code}' "$@" 2>/dev/null)
	judge "$name" "$expect" "$code"
}

# raw NAME EXPECT BYTES: BYTES (a printf format) sent as-is on a new
# connection; for requests curl will not send (spaces, CR, NUL in the line).
raw() {
	local name=$1 expect=$2 code
	# one write(): a request split over several packets could meet a close
	# after the first, and the reset would discard the answer before it is read
	printf "$3" >"$work/request"
	(
		trap '' PIPE
		exec 3<>"/dev/tcp/$host/$port" || exit 1
		cat "$work/request" >&3 2>/dev/null
		timeout 10 cat <&3
	) >"$work/raw" 2>/dev/null
	LC_ALL=C sed -n '1,/^\r*$/p' "$work/raw" >"$head"
	LC_ALL=C sed '1,/^\r*$/d' "$work/raw" >"$body"
	code=$(head -1 "$head" | LC_ALL=C sed -n 's|^HTTP/1\.[01] \([0-9][0-9][0-9]\).*|\1|p')
	judge "$name" "$expect" "${code:-000}"
}

# Bytes from a hex string ("c0af" -> \xc0\xaf), for printf.
hexbytes() { sed 's/../\\x&/g' <<<"$1"; }
# The same bytes percent-encoded.
hexpct() { sed 's/../%&/g' <<<"$1"; }

# A deterministic anonymous CSRF token (double submit: cookie and field).
token=$(printf 'rchub security suite' | sha256sum | cut -c1-64)
other=$(printf 'not a session' | sha256sum | cut -c1-64)
anon="rchub_fresh=1; rchub_csrf=$token"
form=(-H 'Content-Type: application/x-www-form-urlencoded')
repeat() { head -c "$2" /dev/zero | tr '\0' "$1"; }

sql() { mariadb --no-defaults -S "$var/run/mariadb.sock" -u root rchub -N -e "$1" 2>/dev/null; }
service_id=$(sql "SELECT id FROM services ORDER BY id LIMIT 1")
ngo_id=$(sql "SELECT id FROM ngos ORDER BY id LIMIT 1")
centre_slug=$(sql "SELECT slug FROM centres ORDER BY id LIMIT 1")
member_email=$(sql "SELECT email FROM users WHERE role='member' AND is_active=1 ORDER BY id LIMIT 1")
member_password=demo-member-pass

# ---- the state to compare at the end -------------------------------------

master=$(cat "$var/run/rchub.pid" 2>/dev/null)
workers_before=$(pgrep -P "$master" | sort | tr '\n' ' ')
log_offset=$(stat -c %s "$log" 2>/dev/null || echo 0)

# Signs the demo member in; prints "session csrf". Earlier suites' failed
# sign-ins from this address must not lock it out.
sign_in() {
	local jar=$work/jar
	sql "DELETE FROM login_failures; UPDATE users SET locked_until = NULL WHERE email = '$member_email'"
	curl -s -o /dev/null -c "$jar" -b "$anon" -d "csrf=$token" --data-urlencode "email=$member_email" \
		--data-urlencode "password=$member_password" -d next=/account "$url/login"
	local session csrf
	session=$(awk '$6 == "rchub_session" { print $7 }' "$jar")
	csrf=$(curl -s -b "rchub_session=$session" "$url/account" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 |
		sed 's/.*value="//; s/"$//')
	echo "$session $csrf"
}

# ---- 1. broken percent-encoding ------------------------------------------------
begin "broken percent-encoding"
escapes=("%" "%Z" "%E" "%zz" "%%" "%G0" "%0" "%%41" "%2" "%-1" "%+1" "%u0041" "%%%" "%ZZ%ZZ" "abc%" "%0g" "%x41" "%41%")
for e in "${escapes[@]}"; do
	req "GET /services/$e" 400 -b "$anon" "$url/services/$e"
	req "GET /$e" 400 -b "$anon" "$url/$e"
	req "GET /centres/$e" 400 -b "$anon" "$url/centres/$e"
	req "GET /services?q=$e" 400 -b "$anon" "$url/services?q=$e"
	req "GET /services?$e=1" 400 -b "$anon" "$url/services?$e=1"
	req "GET /ngos?district=$e" 400 -b "$anon" "$url/ngos?district=$e"
	req "GET /login?next=$e" 400 -b "$anon" "$url/login?next=$e"
	req "GET /services?page=2&q=$e&district=" 400 -b "$anon" "$url/services?page=2&q=$e&district="
	req "POST /login email=$e" 400 -b "$anon" "${form[@]}" --data-binary "csrf=$token&email=$e&password=x" "$url/login"
	req "POST /register field name $e" 400 -b "$anon" "${form[@]}" --data-binary "csrf=$token&$e=1&name=a" "$url/register"
done

# ---- 2. invalid UTF-8 -----------------------------------------------------------
# overlongs, UTF-16 surrogates, stray continuation bytes, bytes never in
# UTF-8, code points above U+10FFFF, 5- and 6-byte forms, truncated sequences.
begin "invalid UTF-8"
sequences=(c080 c0af c1bf e08080 e09fbf f0808080 f08fbfbf eda080 edbfbf eda0bdedb880 80 bf 8080 ff fe feff
	f5808080 f4908080 f888808080 fc8480808080 e282 f09f98 c3 e241)
for s in "${sequences[@]}"; do
	p=$(hexpct "$s")
	b=$(printf "$(hexbytes "$s")")
	req "GET /services/$p" 400 -b "$anon" "$url/services/$p"
	req "GET /$p" 400 -b "$anon" "$url/$p"
	req "GET /services?q=$p" 400 -b "$anon" "$url/services?q=$p"
	req "GET /services?$p=1" 400 -b "$anon" "$url/services?$p=1"
	req "GET /services?q=<raw $s>" 400 -b "$anon" "$url/services?q=a${b}b"
	req "GET /centres/<raw $s>" 400 -b "$anon" "$url/centres/a${b}b"
	req "POST /login email=$p" 400 -b "$anon" "${form[@]}" --data-binary "csrf=$token&email=a${p}@example.org&password=x" "$url/login"
	printf "csrf=$token&email=a$(hexbytes "$s")b@example.org&password=x" >"$work/form"
	req "POST /login email=<raw $s>" 400 -b "$anon" "${form[@]}" --data-binary "@$work/form" "$url/login"
	printf "csrf=$token&$(hexbytes "$s")=1" >"$work/form"
	req "POST /register field name <raw $s>" 400 -b "$anon" "${form[@]}" --data-binary "@$work/form" "$url/register"
	# a cookie the site cannot read is ignored, so that it never locks anyone out
	req "GET /services with cookie <raw $s>" 200 -H "Cookie: rchub_fresh=1; rchub_session=a${b}b" "$url/services"
done

# ---- 3. NUL and control characters ------------------------------------------------
begin "NUL and control characters"
for c in $(seq 0 31) 127; do
	x=$(printf '%02X' "$c")
	# tab, CR and LF are whitespace in a search and in an (ignored) parameter name
	ok_ws=400
	case $x in 09 | 0A | 0D) ok_ws=200 ;; esac
	req "GET /services?q=a%${x}b" "$ok_ws" -b "$anon" "$url/services?q=a%${x}b"
	req "GET /services?a%${x}b=1" "$ok_ws" -b "$anon" "$url/services?a%${x}b=1"
	req "GET /services/%${x}" 400 -b "$anon" "$url/services/%${x}"
	req "POST /login email=a%${x}b@example.org" 400 -b "$anon" "${form[@]}" \
		--data-binary "csrf=$token&email=a%${x}b@example.org&password=x" "$url/login"
done

# ---- 4. giant headers and URLs ---------------------------------------------------
# nginx reads each header line into a buffer of large_client_header_buffers
# (its size is read from the stack's nginx config): a longer line is refused
# by nginx (400, its 494 page), a shorter one reaches the program, which
# ignores a Cookie header over 4 KB. The program answers 414 to a URI over
# 4 KB; nginx to a request line over its buffer.
begin "giant headers and URLs"
line_max=$(sed -n 's/^large_client_header_buffers [0-9]* \([0-9]*\)k;.*/\1/p' "$var/nginx/rchub.conf" 2>/dev/null)
line_max=$((${line_max:-32} * 1024))
# fits NAME BYTES: the expected status of a header line with a value of BYTES.
fits() { if [ $(($2 + ${#1} + 4)) -lt "$line_max" ]; then echo "$ok"; else echo 400; fi; }
declare -A fine=([/]=200 [/services]=200 [/login]=200 [/account]=303)
for path in / /services /login /account; do
	ok=${fine[$path]}
	for kb in 10 20 30 40 64 100; do
		value="rchub_fresh=1; pad=$(repeat a $((kb * 1024)))"
		req "GET $path with a $kb KB cookie" "$(fits Cookie ${#value})" -H "Cookie: $value" "$url$path"
	done
	value="rchub_fresh=1; $(for i in $(seq 1 1000); do printf 'c%d=v; ' "$i"; done)"
	req "GET $path with 1000 cookies" "$(fits Cookie ${#value})" -H "Cookie: $value" "$url$path"
	pad=$(repeat b $((30 * 1024)))
	req "GET $path with 5 Cookie headers of 30 KB" 400 -H "Cookie: a=$pad" -H "Cookie: b=$pad" -H "Cookie: c=$pad" \
		-H "Cookie: d=$pad" -H "Cookie: e=$pad" "$url$path"
	value=$(repeat u $((40 * 1024)))
	req "GET $path with a 40 KB User-Agent" "$(fits User-Agent ${#value})" -b rchub_fresh=1 -A "$value" "$url$path"
	value="http://example.org/$(repeat r $((20 * 1024)))"
	req "GET $path with a 20 KB Referer" "$(fits Referer ${#value})" -b rchub_fresh=1 -e "$value" "$url$path"
	headers=()
	for i in $(seq 1 300); do headers+=(-H "X-Pad-$i: value $i"); done
	req "GET $path with 300 extra headers" "$ok" -b rchub_fresh=1 "${headers[@]}" "$url$path"
	req "GET $path?x=<40 KB>" 414 "$url$path?x=$(repeat x $((40 * 1024)))"
	req "GET $path?x=<5 KB>" 414 "$url$path?x=$(repeat x 5000)"
	req "GET $path/<2000-byte path>" 414 "$url${path%/}/$(repeat p 2000)"
done

# ---- 5. giant bodies ------------------------------------------------------------
# The program takes 64 KB of form (413 above), nginx 1 MB (its 413 above).
begin "giant bodies"
for size in 65537 102400 512000 1048576 1048577 2097152; do
	{ printf 'csrf=%s&email=' "$token"; repeat a $((size - 76)); } >"$work/big"
	for path in /login /register /logout /services; do
		req "POST $path with a $size-byte body" 413 -b "$anon" "${form[@]}" --data-binary "@$work/big" "$url$path"
	done
done
repeat a 102400 >"$work/big"
req "GET /services with a 100 KB body (ignored)" 200 -X GET -b "$anon" --data-binary "@$work/big" "$url/services"
repeat a 2097152 >"$work/big"
req "GET /services with a 2 MB body" 413 -X GET -b "$anon" --data-binary "@$work/big" "$url/services"

# ---- 6. wrong methods -------------------------------------------------------------
# The program answers 405 for a known path and 404 for an unknown one; nginx
# itself refuses TRACE and CONNECT (405, its Russian static page).
begin "wrong methods"
paths=(/ /services "/services/$service_id" "/centres/$centre_slug" "/ngos/$ngo_id" /login /register /logout /account /no-such-page)
for m in PUT DELETE PATCH OPTIONS TRACE CONNECT PROPFIND FOO M-SEARCH GETS; do
	for path in "${paths[@]}"; do
		expect=405
		[ "$path" = /no-such-page ] && expect=404
		case $m in TRACE | CONNECT) expect=405 ;; esac
		extra=()
		case $m in PUT | PATCH | FOO) extra=("${form[@]}" --data-binary "csrf=$token&x=1") ;; esac
		req "$m $path" "$expect" -X "$m" -b "$anon" "${extra[@]}" "$url$path"
	done
done

# ---- 7. bad cookies ----------------------------------------------------------------
# Malformed pairs are skipped and an unknown session is no session: pages
# answer as to an anonymous visitor, /account sends to the sign-in page, and a
# POST without a matching token is refused.
begin "bad cookies"
bad_cookies=("=" ";;;;" "a" "a=b=c" "rchub_session" "rchub_session=" "rchub_session=zzz"
	"rchub_session=$(repeat a 63)" "rchub_session=$(repeat a 65)" "rchub_session=$(tr a-f A-F <<<"$other")"
	"rchub_session=$other" "rchub_session=\"$other\"" "rchub_session=$other; rchub_session=$token"
	"rchub_session=$other " "rchub_session=${other:0:63}g" "rchub session=$other" "rchub_session=%41%41"
	"rchub_session=${other:0:32}" "$(for i in $(seq 1 100); do printf 'rchub_session=%s; ' "$other"; done)"
	"rchub_csrf=garbage" "rchub_csrf=$(repeat 0 63)" "rchub_fresh=<script>" "rchub_fresh=1; rchub_session=$(repeat f 64)"
	"   " ";=;=;" "a=\"unclosed" "=value" "rchub_session=$other\\" "pad=$(repeat c 4080)" "pad=$(repeat c 4100)")
i=0
for ck in "${bad_cookies[@]}"; do
	shown=${ck:0:60}
	i=$((i + 1))
	# a query of its own keeps the micro-cache from answering for the program
	req "GET / with cookie [$shown]" 200 -H "Cookie: $ck" "$url/?cookie=$i"
	req "GET /services with cookie [$shown]" 200 -H "Cookie: $ck" "$url/services?cookie=$i"
	req "GET /account with cookie [$shown]" 303 -H "Cookie: $ck" "$url/account"
	req "POST /logout with cookie [$shown]" 403 -H "Cookie: $ck" "${form[@]}" --data-binary "csrf=$token" "$url/logout"
done

# ---- 8. CSRF -------------------------------------------------------------------------
begin "CSRF"
for path in /login /register /logout; do
	req "POST $path without token or cookie" 403 "${form[@]}" --data-binary "email=a@example.org" "$url$path"
	req "POST $path without token" 403 -b "$anon" "${form[@]}" --data-binary "email=a@example.org" "$url$path"
	req "POST $path with an empty token" 403 -b "$anon" "${form[@]}" --data-binary "csrf=&email=a" "$url$path"
	req "POST $path with a 63-hex token" 403 -b "rchub_csrf=${token:0:63}" "${form[@]}" --data-binary "csrf=${token:0:63}" "$url$path"
	req "POST $path with a non-hex token" 403 -b "rchub_csrf=$(repeat z 64)" "${form[@]}" --data-binary "csrf=$(repeat z 64)" "$url$path"
	req "POST $path with the token in capitals" 403 -b "$anon" "${form[@]}" --data-binary "csrf=$(tr a-f A-F <<<"$token")" "$url$path"
	req "POST $path with another token" 403 -b "$anon" "${form[@]}" --data-binary "csrf=$other" "$url$path"
	req "POST $path with the token but no cookie" 403 -b "csrf=$token" "${form[@]}" --data-binary "csrf=$token" "$url$path"
	req "POST $path with a wrong token first" 403 -b "$anon" "${form[@]}" --data-binary "csrf=$other&csrf=$token" "$url$path"
	req "POST $path with the token in the query" 403 -b "$anon" "${form[@]}" --data-binary "x=1" "$url$path?csrf=$token"
done
read -r session csrf < <(sign_in)
if [ -n "$session" ] && [ -n "$csrf" ]; then
	member="rchub_session=$session"
	for path in /logout /login; do
		req "POST $path signed in, without token" 403 -b "$member" "${form[@]}" --data-binary "x=1" "$url$path"
		req "POST $path signed in, empty token" 403 -b "$member" "${form[@]}" --data-binary "csrf=" "$url$path"
		req "POST $path signed in, anonymous double-submit token" 403 -b "$member; rchub_csrf=$token" "${form[@]}" \
			--data-binary "csrf=$token" "$url$path"
		req "POST $path signed in, token in capitals" 403 -b "$member" "${form[@]}" \
			--data-binary "csrf=$(tr a-f A-F <<<"$csrf")" "$url$path"
		req "POST $path signed in, 63 characters of the token" 403 -b "$member" "${form[@]}" \
			--data-binary "csrf=${csrf:0:63}" "$url$path"
		req "POST $path signed in, the session token as CSRF token" 403 -b "$member" "${form[@]}" \
			--data-binary "csrf=$session" "$url$path"
	done
	req "GET /account: the refused POSTs left the session alone" 200 -b "$member" "$url/account"
	req "POST /logout with the right token (control)" 303 -b "$member" "${form[@]}" --data-binary "csrf=$csrf" "$url/logout"
else
	fail "could not sign in as $member_email to test a signed-in member's CSRF token"
fi

# ---- 9. content types ---------------------------------------------------------------
# Forms are application/x-www-form-urlencoded (any case, parameters allowed);
# anything else with a body is 415. A form that is parsed gets its normal
# answer: /logout redirects, /login and /register name the fields.
begin "content types"
declare -A parsed=([/logout]=303 [/login]=400 [/register]=400)
for path in /logout /login /register; do
	data="csrf=$token&email=not-an-address"
	for ct in "text/plain" "application/json" "application/xml" "text/html" "application/x-www-form-urlencodedX" \
		"application/x-www-form-urlencoded, text/plain" "multipart/form-data; boundary=zzz"; do
		req "POST $path as $ct" 415 -b "$anon" -H "Content-Type: $ct" --data-binary "$data" "$url$path"
	done
	req "POST $path without a content type" 415 -b "$anon" -H "Content-Type:" --data-binary "$data" "$url$path"
	req "POST $path as multipart (curl -F)" 415 -b "$anon" -F "csrf=$token" -F "email=x" "$url$path"
	for ct in "application/x-www-form-urlencoded; charset=utf-8" "APPLICATION/X-WWW-FORM-URLENCODED" \
		"application/x-www-form-urlencoded;charset=koi8-r"; do
		req "POST $path as $ct" "${parsed[$path]}" -b "$anon" -H "Content-Type: $ct" --data-binary "$data" "$url$path"
	done
done

# ---- 10. header injection ----------------------------------------------------------------
# CR/LF in values that end up in a Location header: the path kept for after
# sign-in (percent-encoded in the redirect), the sign-in return path (a
# single-line field: CR/LF is a 400; other look-alikes are not CR/LF and the
# redirect goes there or to /account). No response may carry the header.
begin "header injection"
for p in "%0d%0aX-Injected:%20yes" "%0aX-Injected:%20yes" "%0dX-Injected:%20yes" "%0d%0aSet-Cookie:%20injected=1" \
	"%E5%98%8A%E5%98%8DX-Injected:%20yes" "%250d%250aX-Injected:%20yes" "%c4%8d%c4%8aX-Injected:%20yes" \
	"%0d%0a%0d%0a%3Chtml%3Einjected"; do
	req "GET /account?x=$p (redirect to sign-in)" 303 -b rchub_fresh=1 "$url/account?x=$p"
	req "GET /login?next=/$p" 200 -b "$anon" "$url/login?next=/$p"
	expect=303
	[[ $p == *%0[aAdD]* ]] && expect=400
	req "POST /login next=/$p" "$expect" -b "$anon" "${form[@]}" --data-binary "csrf=$token&email=$member_email&password=$member_password&next=/$p" "$url/login"
done

# ---- 11. over-long values ---------------------------------------------------------------
begin "over-long values"
cyr200=$(for i in $(seq 1 200); do printf 'ж'; done)
req "GET /services?q=<200 letters>" 200 -b "$anon" "$url/services?q=$(repeat a 200)"
req "GET /services?q=<201 letters>" 400 -b "$anon" "$url/services?q=$(repeat a 201)"
req "GET /services?q=<200 Cyrillic letters>" 200 -b "$anon" --data-urlencode "q=$cyr200" -G "$url/services"
req "GET /services?q=<201 Cyrillic letters>" 400 -b "$anon" --data-urlencode "q=${cyr200}ж" -G "$url/services"
req "GET /ngos?q=<201 letters>" 400 -b "$anon" "$url/ngos?q=$(repeat a 201)"
req "GET /services?q=<4000 letters>" 400 -b "$anon" "$url/services?q=$(repeat a 4000)"
req "GET /services?district=<3000 letters>" 400 -b "$anon" "$url/services?district=$(repeat a 3000)"
req "GET /services?page=<3000 digits>" 400 -b "$anon" "$url/services?page=$(repeat 9 3000)"
req "GET /login?next=/<1001 letters> (dropped)" 200 -b "$anon" "$url/login?next=/$(repeat a 1001)"
req "GET /services/<4000 digits>" 414 -b "$anon" "$url/services/$(repeat 1 4000)"
req "GET /services/<1000 digits>" 404 -b "$anon" "$url/services/$(repeat 1 1000)"
login="csrf=$token&email=$member_email"
req "POST /login email=<255 letters>" 400 -b "$anon" "${form[@]}" --data-binary "csrf=$token&email=$(repeat a 243)@example.org&password=x" "$url/login"
req "POST /login email=<10000 letters>" 400 -b "$anon" "${form[@]}" --data-binary "csrf=$token&email=$(repeat a 10000)@example.org&password=x" "$url/login"
req "POST /login password=<1025 bytes>" 400 -b "$anon" "${form[@]}" --data-binary "$login&password=$(repeat p 1025)" "$url/login"
req "POST /login password=<16385 bytes>" 400 -b "$anon" "${form[@]}" --data-binary "$login&password=$(repeat p 16385)" "$url/login"
req "POST /login next=<1001 bytes>" 400 -b "$anon" "${form[@]}" --data-binary "$login&password=x&next=/$(repeat n 1001)" "$url/login"
reg="csrf=$token&email=long@example.org&password=long-enough-1&password2=long-enough-1&consent=1"
req "POST /register name=<201 letters>" 400 -b "$anon" "${form[@]}" --data-binary "$reg&name=$(repeat a 201)" "$url/register"
req "POST /register name=<16385 letters>" 400 -b "$anon" "${form[@]}" --data-binary "$reg&name=$(repeat a 16385)" "$url/register"
req "POST /register phone=<41 digits>" 400 -b "$anon" "${form[@]}" --data-binary "$reg&name=a&phone=$(repeat 9 41)" "$url/register"
req "POST /register ngo_inn=<13 digits>" 400 -b "$anon" "${form[@]}" --data-binary "$reg&name=a&ngo_inn=$(repeat 7 13)" "$url/register"
req "POST /register password=<1025 bytes>" 400 -b "$anon" "${form[@]}" --data-binary "csrf=$token&name=a&email=long@example.org&password=$(repeat p 1025)&password2=$(repeat p 1025)&consent=1" "$url/register"
req "POST /logout with a 60000-byte field" 400 -b "$anon" "${form[@]}" --data-binary "csrf=$token&x=$(repeat x 60000)" "$url/logout"

# ---- 12. too many fields -------------------------------------------------------------------
begin "too many fields"
fields() { local n=$1 i; for i in $(seq 1 "$n"); do printf '&f%d=1' "$i"; done; }
req "GET /services with 64 parameters" 200 -b "$anon" "$url/services?$(fields 64 | cut -c2-)"
req "GET /services with 65 parameters" 400 -b "$anon" "$url/services?$(fields 65 | cut -c2-)"
req "GET /services with 500 parameters" 400 -b "$anon" "$url/services?$(fields 500 | cut -c2-)"
req "GET /services with 3000 ampersands" 400 -b "$anon" "$url/services?$(repeat '&' 3000)"
req "GET /services with q 65 times" 400 -b "$anon" "$url/services?$(for i in $(seq 1 65); do printf 'q=%d&' "$i"; done)"
req "POST /logout with 64 fields" 303 -b "$anon" "${form[@]}" --data-binary "csrf=$token$(fields 63)" "$url/logout"
req "POST /logout with 65 fields" 400 -b "$anon" "${form[@]}" --data-binary "csrf=$token$(fields 64)" "$url/logout"
req "POST /logout with 2000 fields" 400 -b "$anon" "${form[@]}" --data-binary "csrf=$token$(fields 2000)" "$url/logout"
req "POST /logout with 30000 ampersands" 400 -b "$anon" "${form[@]}" --data-binary "csrf=$token$(repeat '&' 30000)" "$url/logout"
req "POST /login with 1000 empty fields" 400 -b "$anon" "${form[@]}" --data-binary "csrf=$token$(for i in $(seq 1 1000); do printf '&='; done)" "$url/login"
req "GET / with 33 cookies" 200 -H "Cookie: $(for i in $(seq 1 33); do printf 'c%d=1; ' "$i"; done)rchub_fresh=1" "$url/"
req "GET / with 500 cookies" 200 -H "Cookie: $(for i in $(seq 1 500); do printf 'c%d=1; ' "$i"; done)" "$url/"

# ---- 13. sizes at nginx's FastCGI limits ----------------------------------------------
# Requests nginx accepts must reach the program whole. nginx writes the cache
# key (the request URI) into fastcgi_buffer_size before the response head, and
# sends the FastCGI params (the URI, the headers it passes on) in one record
# of at most 64 KB: both limits must hold for everything that
# large_client_header_buffers lets in. Expected: the program's answer (200/400 below its 4 KB URI limit,
# 414 above), or nginx's own 4xx; never 500 or 502.
begin "sizes at nginx's FastCGI limits"
for n in $(seq 3000 50 4050); do
	pad=$(repeat a "$n")
	req "GET /services?pad=<$n bytes>" 200 -b rchub_fresh=1 "$url/services?pad=$pad"
	req "GET /services?page=x&pad=<$n bytes>" 400 "$url/services?page=x&pad=$pad"
done
# every URI length nginx lets in, in steps narrower than a response head
for n in $(seq 4100 200 32600); do
	req "GET /services?pad=<$n bytes>" 414 "$url/services?pad=$(repeat a "$n")"
done
big=$(repeat h 30000)
req "GET / with 30 KB Cookie, User-Agent and Referer" "200|400" -H "Cookie: rchub_fresh=1; a=$big" -A "$big" -e "$big" "$url/"
req "GET /services?q=<20 KB> with a 30 KB cookie" "414|400" -H "Cookie: a=$big" "$url/services?q=$(repeat q 20000)"
req "GET /services?q=<32600 bytes>" "414" "$url/services?q=$(repeat q 32600)"
# the longest URI and the largest Cookie nginx accepts, together
req "GET /services?q=<longest> with the largest cookie" "414|400" -H "Cookie: a=$(repeat c $((line_max - 16)))" \
	"$url/services?q=$(repeat q $((line_max - 40)))"
# ... and with a large If-None-Match (a header the program reads) beside the cookie
req "GET /services?q=<longest> with large Cookie and If-None-Match" "414|400" \
	-H "Cookie: a=$(repeat c $((line_max / 2)))" -H "If-None-Match: $(repeat e $((line_max * 9 / 10)))" \
	"$url/services?q=$(repeat q $((line_max - 40)))"

# ---- 14. malformed HTTP, byte by byte ----------------------------------------------------------
begin "malformed HTTP"
H='Host: localhost\r\nConnection: close\r\n'
raw "space in the path" 400 "GET /serv ices HTTP/1.1\r\n$H\r\n"
raw "space in the query" 400 "GET /services?q=a b HTTP/1.1\r\n$H\r\n"
raw "tab in the query" 400 "GET /services?q=a\tb HTTP/1.1\r\n$H\r\n"
raw "CR in the query" 400 "GET /services?q=a\rb HTTP/1.1\r\n$H\r\n"
raw "CR in the path" 400 "GET /account\rX-Injected: yes HTTP/1.1\r\n$H\r\n"
raw "NUL in the path" 400 "GET /serv\x00ices HTTP/1.1\r\n$H\r\n"
raw "NUL in the query" 400 "GET /services?q=a\x00b HTTP/1.1\r\n$H\r\n"
raw "control byte in the path" 400 "GET /\x01 HTTP/1.1\r\n$H\r\n"
raw "DEL in the path" 400 "GET /\x7f HTTP/1.1\r\n$H\r\n"
raw "0xFF in the path" 400 "GET /\xff HTTP/1.1\r\n$H\r\n"
raw "0xFF in the query" 400 "GET /services?q=\xff HTTP/1.1\r\n$H\r\n"
raw "no Host in HTTP/1.1" 400 "GET / HTTP/1.1\r\nConnection: close\r\n\r\n"
raw "empty Host" 400 "GET / HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n"
raw "space in Host" 400 "GET / HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n"
raw "two Host headers" 400 "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n"
raw "relative path" 400 "GET services HTTP/1.1\r\n$H\r\n"
raw "lower-case method" 400 "get / HTTP/1.1\r\n$H\r\n"
raw "NUL in a header" 400 "GET / HTTP/1.1\r\n${H}X-A: a\x00b\r\n\r\n"
raw "header name with a space" 400 "GET / HTTP/1.1\r\n${H}Bad Header: 1\r\n\r\n"
raw "folded header line" 400 "GET / HTTP/1.1\r\n$H folded\r\n\r\n"
raw "TLS handshake bytes" 400 '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n'
raw "Content-Length: -1" 400 "POST /login HTTP/1.1\r\n${H}Content-Length: -1\r\n\r\n"
raw "Content-Length: abc" 400 "POST /login HTTP/1.1\r\n${H}Content-Length: abc\r\n\r\n"
raw "Content-Length of 20 digits" 400 "POST /login HTTP/1.1\r\n${H}Content-Length: 99999999999999999999\r\n\r\n"
raw "two Content-Length headers" 400 "POST /login HTTP/1.1\r\n${H}Content-Length: 5\r\nContent-Length: 6\r\n\r\nabcdef"
raw "chunked body with a bad chunk size" 400 "POST /login HTTP/1.1\r\n${H}Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"
raw "chunked form without a token" 403 "POST /login HTTP/1.1\r\n${H}Transfer-Encoding: chunked\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n3\r\na=b\r\n0\r\n\r\n"
raw "path climbing out of the site" 400 "GET /../../etc/passwd HTTP/1.1\r\n$H\r\n"
raw "static path climbing out" 400 "GET /static/../../../../etc/passwd HTTP/1.1\r\n$H\r\n"
raw "static path climbing with %%2f" 400 "GET /static/..%%2f..%%2f..%%2fetc/passwd HTTP/1.1\r\n$H\r\n"
raw "absolute URI (the path is used)" 200 "GET http://elsewhere.example/services HTTP/1.1\r\n$H\r\n"
raw "GET with a body (ignored)" 200 "GET /services HTTP/1.1\r\n${H}Content-Length: 3\r\n\r\nabc"
raw "bare LF line ends (accepted)" 200 "GET / HTTP/1.1\nHost: localhost\nConnection: close\n\n"
raw "HTTP/1.0 without Host" 200 "GET /services HTTP/1.0\r\n\r\n"
raw "HTTP/1.0 with broken escape" 400 "GET /%%ZZ HTTP/1.0\r\n\r\n"
raw "garbage If-Modified-Since" 200 "GET /services HTTP/1.1\r\n${H}Cookie: rchub_fresh=1\r\nIf-Modified-Since: yesterday\r\n\r\n"
raw "garbage If-None-Match" 200 "GET /services HTTP/1.1\r\n${H}Cookie: rchub_fresh=1\r\nIf-None-Match: \"\"\"\r\n\r\n"
raw "non-ASCII cookie bytes" 200 "GET / HTTP/1.1\r\n${H}Cookie: rchub_session=\xff\xfe\r\n\r\n"

# ---- the program survived -----------------------------------------------------------------------------

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }

for c in "${categories[@]}"; do
	t=${total[$c]} b=${bad[$c]} g=${by_nginx[$c]}
	note=""
	[ "$g" -gt 0 ] && note=", $g of them refused by nginx with its Russian static page"
	if [ "$b" -eq 0 ]; then
		ok "$c: $t requests, each answered as expected, no 5xx, every 4xx in Russian$note"
	else
		not_ok "$c: $b of $t requests answered wrongly"
		shown=0
		for f in "${failures[@]}"; do
			[ "${f%%$'\t'*}" = "$c" ] || continue
			shown=$((shown + 1))
			[ "$shown" -le 20 ] && not_ok "$c: ${f#*$'\t'}"
		done
		[ "$shown" -gt 20 ] && echo "# ... and $((shown - 20)) more in $c"
	fi
done
if [ "$sent" -ge 1000 ]; then ok "$sent malformed requests sent (at least 1,000)"; else not_ok "only $sent requests sent (at least 1,000)"; fi

workers_after=$(pgrep -P "$master" | sort | tr '\n' ' ')
if [ -n "$workers_before" ] && [ "$workers_before" = "$workers_after" ]; then
	ok "no rchub.fcgi worker died: the master's workers are the same processes ($workers_after)"
else
	not_ok "the rchub.fcgi workers changed: before [$workers_before], after [$workers_after]"
fi
deaths=$(tail -c +$((log_offset + 1)) "$log" 2>/dev/null | grep -E 'worker_died|worker_exited' || true)
if [ -z "$deaths" ]; then
	ok "no worker_died or worker_exited in the program's log during the suite"
else
	not_ok "the program's log reports dead workers during the suite"
	sed 's/^/# /' <<<"$deaths" | head -10
fi
final=$(curl -s -o /dev/null -w '%{http_code}' -b rchub_fresh=1 "$url/services")
if [ "$final" = 200 ]; then ok "the site still answers afterwards (GET /services: 200)"; else not_ok "GET /services afterwards: $final"; fi
[ "$failed" -eq 0 ]
