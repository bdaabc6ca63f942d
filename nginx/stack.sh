#!/usr/bin/env bash
# nginx/stack.sh: rchub.fcgi and nginx of a local stack, kept under VARDIR.
#   nginx/stack.sh start VARDIR PORT PROGRAM   start both (no-op when running)
#   nginx/stack.sh stop VARDIR                 stop what start started (pid files)
# The database must already run (sql/db.sh start VARDIR).
set -euo pipefail
cmd=${1:?usage: stack.sh start|stop VARDIR [PORT PROGRAM]}
var=${2:?VARDIR}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
mkdir -p "$var"
var=$(cd "$var" && pwd)
run=$var/run

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

write_config() {
	local port=$1
	mkdir -p "$var/nginx"/{client_body,proxy,fastcgi,uwsgi,scgi} "$var/log" "$run"
	sed -e "s|@ROOT@|$root|g" -e "s|@SOCKET@|$run/rchub.sock|g" "$here/rchub.conf.in" >"$var/nginx/rchub.conf"
	sed -e "s|@CACHE@|$var/nginx/cache|g" "$here/rchub-http.conf.in" >"$var/nginx/rchub-http.conf"
	local user=""
	[ "$(id -u)" = 0 ] && user="user root;"
	sed -e "s|@VAR@|$var|g" -e "s|@PORT@|$port|g" -e "s|@USER@|$user|" "$here/dev.conf.in" >"$var/nginx/nginx.conf"
	cat >"$var/rchub.ini" <<INI
; Written by nginx/stack.sh for the local stack; see README.md for every setting.
[server]
listen = $run/rchub.sock
templates = $root/templates

[database]
socket = $run/mariadb.sock
user = rchub_app
password = $(cat "$var/db-app-password")
name = rchub

[site]
base_url = http://127.0.0.1:$port
name = Ресурсные центры НКО
region_slug = khabarovsk-krai
region_name = Хабаровский край
time_zone = Asia/Vladivostok

[publisher]
; a demo identity: the open-data passports need one (see README.md)
name = Министерство общественных связей Хабаровского края (демо)
inn = 2721000018
person = Иванова Мария Петровна (демо)
email = opendata@example.org
phone = +7 (4212) 00-00-00
INI
	chmod 600 "$var/rchub.ini"
}

start_program() {
	local program=$1
	alive "$run/rchub.pid" && return 0
	"$program" -c "$var/rchub.ini" --check >/dev/null
	nohup "$program" -c "$var/rchub.ini" >>"$var/log/rchub.log" 2>&1 &
	echo $! >"$run/rchub.pid"
	for _ in $(seq 1 50); do [ -S "$run/rchub.sock" ] && return 0; sleep 0.1; done
	echo "stack.sh: rchub.fcgi did not open its socket, see $var/log/rchub.log" >&2
	exit 1
}

start_nginx() {
	alive "$run/nginx.pid" && { nginx -p "$var/nginx" -c "$var/nginx/nginx.conf" -s reload; return 0; }
	nginx -p "$var/nginx" -c "$var/nginx/nginx.conf" -t -q
	nginx -p "$var/nginx" -c "$var/nginx/nginx.conf"
}

stop_pidfile() {
	local f=$1 pid
	alive "$f" || { rm -f "$f"; return 0; }
	pid=$(cat "$f")
	kill -TERM "$pid"
	for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || { rm -f "$f"; return 0; }; sleep 0.1; done
	echo "stack.sh: process $pid ($f) did not stop in 15 s" >&2
	return 1
}

case $cmd in
start)
	port=${3:?PORT}
	write_config "$port"
	start_program "${4:?PROGRAM}"
	start_nginx
	;;
stop)
	stop_pidfile "$run/nginx.pid" || true
	stop_pidfile "$run/rchub.pid"
	;;
*) echo "stack.sh: unknown command $cmd" >&2; exit 2 ;;
esac
