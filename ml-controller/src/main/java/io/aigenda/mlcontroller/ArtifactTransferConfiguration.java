package io.aigenda.mlcontroller;

import io.aigenda.messaging.transfer.ArtifactTransfer;
import io.aigenda.messaging.transfer.TransferMeter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The controller reads and writes a meeting's documents (transcripts, diarization,
 * minutes) through presigned URLs the backend signed, the way workers do: it holds no S3
 * credentials.
 */
@Configuration(proxyBeanMethods = false)
class ArtifactTransferConfiguration {

	@Bean
	ArtifactTransfer artifactTransfer(MlControllerProperties properties, ObjectProvider<TransferMeter> meter) {
		return new ArtifactTransfer(properties.httpTimeout(), meter.getIfAvailable(() -> TransferMeter.NONE));
	}

}
