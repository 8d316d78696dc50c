package io.aigenda.asr.worker;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the worker moves files ({@code aigenda.asr.worker.*}).
 *
 * @param connectTimeout opening a connection to the storage behind a presigned URL
 * @param transferTimeout one download or upload, start to end
 * @param tempDir where downloaded recordings wait while they are transcribed (default:
 * the system's temporary folder)
 */
@ConfigurationProperties("aigenda.asr.worker")
record WorkerProperties(@DefaultValue("10s") Duration connectTimeout, @DefaultValue("30m") Duration transferTimeout,
		Path tempDir) {
}
