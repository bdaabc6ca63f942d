#!/bin/sh
# record-sendmail.sh: the sendmail of the end-to-end tests. `rchub-admin
# deliver` pipes one message to it per call (configured through
# RCHUB_MAIL_SENDMAIL); it appends the message, between marker lines that
# name the arguments it got, to $RCHUB_TEST_VAR/mail/sent.txt.
set -eu
dir=${RCHUB_TEST_VAR:?RCHUB_TEST_VAR is not set}/mail
mkdir -p "$dir"
{
	printf '=== message (sendmail %s)\n' "$*"
	cat
	printf '=== end\n'
} >>"$dir/sent.txt"
