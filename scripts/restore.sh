#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into DATABASE_URL and MEDIA_ROOT. Refuses to
# overwrite a database that has tables, or a media folder that has files, unless FORCE=1; the
# media folder replaced is kept beside it as MEDIA_ROOT.replaced-<time stamp>.
#
#   DATABASE_URL=postgres://… MEDIA_ROOT=/srv/portal/media scripts/restore.sh /srv/backups/<stamp>
set -euo pipefail

backup="${1:-${BACKUP:-}}"
if [ -z "$backup" ]; then
	echo "restore: name the backup folder: scripts/restore.sh BACKUP_DIR/<stamp> (or BACKUP=…)" >&2
	exit 2
fi
: "${DATABASE_URL:?DATABASE_URL must name the PostgreSQL database to restore into}"
MEDIA_ROOT="${MEDIA_ROOT:-$(pwd)/media}"
FORCE="${FORCE:-0}"

for file in database.dump media.tar.gz SHA256SUMS; do
	if [ ! -f "$backup/$file" ]; then
		echo "restore: $backup/$file is missing; not a complete backup" >&2
		exit 1
	fi
done
(cd "$backup" && sha256sum --check --quiet SHA256SUMS) || {
	echo "restore: the files in $backup do not match SHA256SUMS; not restored" >&2
	exit 1
}

tables="$(psql --no-psqlrc --tuples-only --no-align --dbname="$DATABASE_URL" \
	--command="SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")"
if [ "$tables" != "0" ] && [ "$FORCE" != "1" ]; then
	echo "restore: the database has $tables tables; FORCE=1 replaces its contents" >&2
	exit 1
fi
if [ -d "$MEDIA_ROOT" ] && [ -n "$(ls -A "$MEDIA_ROOT")" ] && [ "$FORCE" != "1" ]; then
	echo "restore: $MEDIA_ROOT is not empty; FORCE=1 replaces it (the old one is kept)" >&2
	exit 1
fi

# One transaction: a restore that fails leaves the database as it was. Without owners and
# grants, so a server whose roles are named differently takes it; the restoring role owns all.
pg_restore --clean --if-exists --no-owner --no-acl --exit-on-error --single-transaction \
	--dbname="$DATABASE_URL" "$backup/database.dump"

if [ -d "$MEDIA_ROOT" ] && [ -n "$(ls -A "$MEDIA_ROOT")" ]; then
	mv "$MEDIA_ROOT" "$MEDIA_ROOT.replaced-$(date -u +%Y%m%dT%H%M%SZ)"
fi
mkdir -p "$MEDIA_ROOT"
tar --extract --gzip --file="$backup/media.tar.gz" --directory="$MEDIA_ROOT"
echo "restored $backup into the database and $MEDIA_ROOT"
