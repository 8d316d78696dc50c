#!/usr/bin/env bash
# Checks the image tars deploy/build-images.sh wrote, without a Docker daemon: each runs the
# service's main class as user 1000, exposes 8080, declares /models, and carries the service's
# classes. As root, each image's file system is also unpacked and its Java runs the container
# health check class from the image's class path (chroot, as user 1000).
# The GPU diarization worker (deploy/build-gpu-image.sh) is checked as diarization-worker-gpu: its tar is
# diarization-worker/target/jib-image-gpu.tar, and its class path must hold ONNX Runtime's CUDA build only.
# Usage: deploy/check-images.sh [service...] (default: every service).
set -euo pipefail
cd "$(dirname "$0")/.."
services=("$@")
if [ ${#services[@]} -eq 0 ]; then
	services=(backend-service ml-controller asr-worker diarization-worker llm-worker meeting-controller)
fi
failed=0
for service in "${services[@]}"; do
	image="$service/target/jib-image.tar"
	if [[ "$service" == *-gpu ]]; then
		image="${service%-gpu}/target/jib-image-gpu.tar"
	fi
	config="$(tar -xOf "$image" config.json)"
	problems=()
	grep -q '"User":"1000:1000"' <<<"$config" || problems+=("not user 1000")
	grep -q '"8080/tcp"' <<<"$config" || problems+=("8080 not exposed")
	grep -q '"/models"' <<<"$config" || problems+=("no /models volume")
	grep -q '"Entrypoint":\["java"' <<<"$config" || problems+=("entrypoint is not java")
	layers="$(tar -xOf "$image" manifest.json | grep -o '"[^"]*\.tar\.gz"' | tr -d '"')"
	files=""
	for layer in $layers; do
		files+="$(tar -xOf "$image" "$layer" | tar --warning=no-unknown-keyword -tz)"$'\n'
	done
	grep -q '^app/classes/io/aigenda/' <<<"$files" || problems+=("no io.aigenda classes under /app/classes")
	if [[ "$service" == *-gpu ]]; then
		grep -q '^app/libs/onnxruntime_gpu-' <<<"$files" || problems+=("no onnxruntime_gpu in /app/libs")
		! grep -q '^app/libs/onnxruntime-' <<<"$files" || problems+=("ONNX Runtime's CPU build in /app/libs")
	fi
	if [ "$(id -u)" = 0 ] && command -v chroot >/dev/null && [ ${#problems[@]} -eq 0 ]; then
		root="$(mktemp -d)"
		for layer in $layers; do
			tar -xOf "$image" "$layer" | tar --warning=no-unknown-keyword -xz -C "$root"
		done
		mkdir -p "$root/proc"
		mount -t proc proc "$root/proc"
		# exits 1 (nothing answers on port 9), but only once the JVM and the class path work
		set +e
		java_home="$(grep -o '"JAVA_HOME=[^"]*"' <<<"$config" | cut -d= -f2 | tr -d '"')"
		output="$(cd "$root/app" && chroot --userspec=1000:1000 "$root" "${java_home:-/opt/java}/bin/java" \
			-cp @/app/jib-classpath-file io.aigenda.observability.ReadinessCheck http://127.0.0.1:9/ 2>&1)"
		status=$?
		set -e
		umount "$root/proc"
		rm -rf "$root"
		[ "$status" = 1 ] && [ -z "$output" ] || problems+=("its Java did not run the health check ($status): $output")
	fi
	if [ ${#problems[@]} -eq 0 ]; then
		echo "$image: ok"
	else
		echo "$image: $(IFS=', '; echo "${problems[*]}")" >&2
		failed=1
	fi
done
exit "$failed"
