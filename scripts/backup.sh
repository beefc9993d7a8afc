#!/usr/bin/env bash
# A backup of the site: the database (pg_dump, custom format) and the uploaded media (a tar of
# MEDIA_ROOT), in a new folder BACKUP_DIR/<UTC time stamp>/ with a SHA256SUMS file.
# Secrets and the environment are not in it (README, "Backup and restore").
#
#   DATABASE_URL=postgres://… MEDIA_ROOT=/srv/portal/media BACKUP_DIR=/srv/backups scripts/backup.sh
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL must name the PostgreSQL database to back up}"
case "$DATABASE_URL" in
postgres://* | postgresql://*) ;;
*)
	echo "backup: DATABASE_URL is not a PostgreSQL database; only PostgreSQL is backed up" >&2
	exit 1
	;;
esac
MEDIA_ROOT="${MEDIA_ROOT:-$(pwd)/media}"
BACKUP_DIR="${BACKUP_DIR:-$(pwd)/backups}"

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
target="$BACKUP_DIR/$stamp"
# Written under another name and renamed when complete, so an interrupted backup is never
# taken for a whole one.
partial="$target.partial"
if [ -e "$target" ] || [ -e "$partial" ]; then
	echo "backup: $target already exists" >&2
	exit 1
fi
mkdir -p "$partial"
trap 'rm -rf "$partial"' ERR

# Custom format: compressed, and pg_restore can clean and restore it object by object.
pg_dump --format=custom --file="$partial/database.dump" --dbname="$DATABASE_URL"
if [ -d "$MEDIA_ROOT" ]; then
	tar --create --gzip --file="$partial/media.tar.gz" --directory="$MEDIA_ROOT" .
else
	echo "backup: MEDIA_ROOT $MEDIA_ROOT does not exist; the media archive is empty" >&2
	tar --create --gzip --file="$partial/media.tar.gz" --files-from=/dev/null
fi
(cd "$partial" && sha256sum database.dump media.tar.gz >SHA256SUMS)
mv "$partial" "$target"
trap - ERR
echo "$target"
