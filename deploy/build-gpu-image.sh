#!/usr/bin/env bash
# Builds the GPU diarization worker's image as a tar with Jib, without a Docker daemon:
#   deploy/build-gpu-image.sh                       # on nvidia/cuda:12.8.1-cudnn-runtime-ubuntu24.04
#   deploy/build-gpu-image.sh -Djib.from.image=...  # another CUDA 12 + cuDNN 9 base (a registry mirror)
# The image is aigenda/diarization-worker-gpu:<tag>: the diarization-worker built with its Maven profile
# gpu (ONNX Runtime's CUDA build, onnxruntime_gpu, instead of the CPU one; an enforcer rule fails the
# build if both or neither are on the class path). The CUDA base has no Java, so a runtime made with
# jlink from JAVA_HOME goes to /opt/java/openjdk: use a JDK 21 (Temurin: built for old glibc) to give
# the image the Java the other images run; the default is the JDK the launcher picks (21 or newer).
# Output: diarization-worker/target/jib-image-gpu.tar, loadable with `docker load -i` or `podman load -i`;
# deploy/check-images.sh diarization-worker-gpu checks it.
set -euo pipefail
cd "$(dirname "$0")/.."
java_home="${JAVA_HOME:-$(./aigenda java-home)}"
java_version="$("$java_home/bin/java" -XshowSettings:properties -version 2>&1 |
	sed -n 's/^ *java.specification.version = //p')"
if [ "${java_version:-0}" -lt 21 ]; then
	echo "JAVA_HOME $java_home is Java ${java_version:-?}: the image needs a JDK 21 or newer" >&2
	exit 1
fi
export JAVA_HOME="$java_home"

# Every module of the JDK, as in deploy/base-image.sh (the services use java.se, jdk.httpserver,
# jdk.crypto.ec, jdk.unsupported...), without debug symbols, man pages and headers.
runtime=diarization-worker/target/gpu-java
rm -rf "$runtime"
mkdir -p "$(dirname "$runtime")"
modules="$("$java_home/bin/java" --list-modules | sed 's/@.*//' | grep -v -e incubator -e '^jdk.jlink$' -e '^jdk.jpackage$' | paste -sd, -)"
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --output "$runtime"

./mvnw -B -q install -DskipTests -pl diarization-worker -am
# validate runs the profile's check of the class path before Jib packs it
./mvnw -B -Pgpu -pl diarization-worker validate com.google.cloud.tools:jib-maven-plugin:buildTar "$@"
ls -l diarization-worker/target/jib-image-gpu.tar
