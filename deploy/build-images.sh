#!/usr/bin/env bash
# Builds every service image as a tar with Jib, without a Docker daemon:
#   deploy/build-images.sh                      # base image from aigenda.base-image (eclipse-temurin:21-jre)
#   deploy/build-images.sh -Djib.from.image=... # another base (a registry mirror, or one with ffmpeg)
# Output: <service>/target/jib-image.tar, loadable with `docker load -i` or `podman load -i`.
set -euo pipefail
cd "$(dirname "$0")/.."
services=backend-service,ml-controller,asr-worker,diarization-worker,llm-worker,meeting-controller
./mvnw -B -q install -DskipTests -pl "$services" -am
./mvnw -B -pl "$services" com.google.cloud.tools:jib-maven-plugin:buildTar "$@"
ls -l */target/jib-image.tar
