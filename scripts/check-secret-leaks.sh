#!/bin/sh
# Usage: scripts/check-secret-leaks.sh SECRETS_FILE PATH...
#
# Looks for each secret of SECRETS_FILE (one a line, taken literally; empty lines and lines
# starting with '#' are skipped) in every file under the PATHs: command output, error messages,
# node logs. Prints each file that holds a secret, naming the secret by its line number only
# (never the secret itself, so this script's own output leaks nothing), and exits 1 if any
# file does; 0 when none does; 2 on bad usage. `make test` runs it over the outputs of every
# didctl command and node of the suite (.build/test-outputs) with scripts/test-secrets.txt.
set -u
if [ "$#" -lt 2 ] || [ ! -r "$1" ]; then
    echo "usage: $0 SECRETS_FILE PATH..." >&2
    exit 2
fi
secrets=$1
shift
for path in "$@"; do
    if [ ! -e "$path" ]; then
        echo "check-secret-leaks: $path does not exist" >&2
        exit 2
    fi
done
found=0 count=0 number=0
while IFS= read -r secret || [ -n "$secret" ]; do
    number=$((number + 1))
    case $secret in ''|'#'*) continue ;; esac
    count=$((count + 1))
    # -a: logs may hold stray binary bytes; -F: the secret is text, not a pattern.
    files=$(grep -rlaF -e "$secret" -- "$@")
    if [ -n "$files" ]; then
        found=1
        printf '%s\n' "$files" | while IFS= read -r file; do
            echo "LEAK: $file holds the secret on line $number of $secrets"
        done
    fi
done < "$secrets"
files=$(find "$@" -type f | wc -l)
if [ "$found" = 1 ]; then
    echo "check-secret-leaks: secrets found in the files above" >&2
    exit 1
fi
echo "check-secret-leaks: none of $count secrets in $files files"
