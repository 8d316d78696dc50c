#!/usr/bin/env bash
# Builds the services' base image offline, as a `docker save` tar that Jib takes as
# `-Djib.from.image=tar://<file>` (Jib reads Docker-format image tars, not OCI layouts):
#   deploy/base-image.sh [OUT.tar]        # default: target/base-image/aigenda-base-jre.tar
# No registry and no Docker daemon: the image is a Java runtime made with jlink from this machine's
# JDK (JAVA_HOME, 21 or newer), the shared libraries it links against, copied from this machine,
# and a user 1000. Nothing else: no shell, no package manager, no ffmpeg (WAV only; use a base
# with ffmpeg from a registry for other containers). Use it where Docker Hub cannot be reached.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-target/base-image/aigenda-base-jre.tar}"
java_home="${JAVA_HOME:-$(./aigenda java-home)}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
mkdir -p "$root/opt" "$root/tmp" "$root/etc" "$root/app" "$root/models"
chmod 1777 "$root/tmp"

# A runtime with every module of the JDK (the services use java.se, jdk.httpserver,
# jdk.crypto.ec, jdk.unsupported...), without debug symbols, man pages and headers.
# (jdk.jlink and jdk.jpackage stay out: a JDK linked without jmods cannot put it into another image)
modules="$("$java_home/bin/java" --list-modules | sed 's/@.*//' | grep -v -e incubator -e '^jdk.jlink$' -e '^jdk.jpackage$' | paste -sd, -)"
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
	--output "$root/opt/java"

# The shared libraries the runtime links against, at the paths the dynamic loader looks in.
find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 |
	xargs -0 ldd 2>/dev/null |
	grep -o '/[^ ]*\.so[^ ]*' |
	sort -u |
	while read -r library; do
		if [ -e "$library" ]; then
			mkdir -p "$root$(dirname "$library")"
			cp -L "$library" "$root$library"
		fi
	done
# 64-bit programs look for the loader at /lib64; Debian keeps it under /lib/x86_64-linux-gnu.
if [ -e /lib64/ld-linux-x86-64.so.2 ] && [ ! -e "$root/lib64/ld-linux-x86-64.so.2" ]; then
	mkdir -p "$root/lib64"
	cp -L /lib64/ld-linux-x86-64.so.2 "$root/lib64/"
fi

printf 'root:x:0:0:root:/root:/sbin/nologin\naigenda:x:1000:1000:aigenda:/tmp:/sbin/nologin\n' >"$root/etc/passwd"
printf 'root:x:0:\naigenda:x:1000:\n' >"$root/etc/group"
# an anonymous volume starts as a copy of this folder: user 1000 must be able to unpack models into it
chmod 1777 "$root/models"

# One layer, owned by root with fixed times, so the same JDK gives the same image.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2000-01-01 00:00Z' \
	-C "$root" -cf "$work/layer.tar" .
layer_digest="sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
java_version="$("$root/opt/java/bin/java" -XshowSettings:properties -version 2>&1 |
	sed -n 's/^ *java.version = //p')"
cat >"$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"2000-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","JAVA_VERSION=$java_version"],
  "User":"1000:1000","WorkingDir":"/app"},
 "rootfs":{"type":"layers","diff_ids":["$layer_digest"]},
 "history":[{"created":"2000-01-01T00:00:00Z","created_by":"deploy/base-image.sh: jlink runtime $java_version"}]}
JSON
printf '[{"Config":"config.json","RepoTags":["aigenda/base-jre:%s"],"Layers":["layer.tar"]}]\n' \
	"$java_version" >"$work/manifest.json"

mkdir -p "$(dirname "$out")"
tar --owner=0 --group=0 --numeric-owner -C "$work" -cf "$out" manifest.json config.json layer.tar
echo "$out: Java $java_version, $(du -h "$out" | cut -f1)"
