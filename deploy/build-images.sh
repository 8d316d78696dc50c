#!/usr/bin/env bash
# Builds every service image as a tar with Jib, without a Docker daemon:
#   deploy/build-images.sh                      # base image from aigenda.base-image (eclipse-temurin:21-jre)
#   deploy/build-images.sh -Djib.from.image=... # another base (a registry mirror, or one with ffmpeg)
#   deploy/build-images.sh --offline            # no registry: a base made from this machine's JDK
#                                               # (deploy/base-image.sh), passed as tar://
#   SERVICES=meeting-controller deploy/build-images.sh --offline   # some services only
# Output: <service>/target/jib-image.tar, loadable with `docker load -i` or `podman load -i`.
# The GPU diarization worker's image (CUDA base) has its own script: deploy/build-gpu-image.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
# Maven, Jib and jlink run on the JDK the launcher picks (21 or newer), whatever java is on the PATH
JAVA_HOME="$(./aigenda java-home)"
export JAVA_HOME
services="${SERVICES:-backend-service,ml-controller,asr-worker,diarization-worker,llm-worker,meeting-controller}"
jib_args=()
for argument in "$@"; do
	if [ "$argument" = "--offline" ]; then
		base="$PWD/target/base-image/aigenda-base-jre.tar"
		if [ ! -f "$base" ]; then
			deploy/base-image.sh "$base"
		fi
		jib_args+=("-Djib.from.image=tar://$base")
	else
		jib_args+=("$argument")
	fi
done
./mvnw -B -q install -DskipTests -pl "$services" -am
./mvnw -B -pl "$services" com.google.cloud.tools:jib-maven-plugin:buildTar ${jib_args[@]+"${jib_args[@]}"}
for service in ${services//,/ }; do
	ls -l "$service/target/jib-image.tar"
done
