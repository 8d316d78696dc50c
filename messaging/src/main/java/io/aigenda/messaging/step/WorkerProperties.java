package io.aigenda.messaging.step;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a worker moves a step's files ({@code aigenda.worker.*}), the same keys in every
 * worker.
 *
 * @param connectTimeout opening a connection to the storage behind a presigned URL
 * @param transferTimeout one download or upload, start to end
 * @param tempDir where downloaded recordings wait while a step works on them (default:
 * the system's temporary folder)
 * @param progressHeartbeat how often a step at work repeats its latest progress when it
 * has none newer to tell, so a step whose progress stops for a minute is known to be
 * stalled (its worker gone or stuck), not merely slow
 */
@ConfigurationProperties("aigenda.worker")
public record WorkerProperties(@DefaultValue("10s") Duration connectTimeout,
		@DefaultValue("30m") Duration transferTimeout, Path tempDir, @DefaultValue("20s") Duration progressHeartbeat) {

	/** The folder temporary files go to: the configured one, or the system's. */
	Path temporaryFolder() {
		return (this.tempDir != null) ? this.tempDir : Path.of(System.getProperty("java.io.tmpdir"));
	}

}
