package io.aigenda.diarization.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.aigenda.audio.AudioDecodingException;
import io.aigenda.contracts.DiarizationDocument;
import io.aigenda.contracts.DiarizationReady;
import io.aigenda.contracts.Diarize;
import io.aigenda.contracts.FailureCategory;
import io.aigenda.contracts.StepFailed;
import io.aigenda.contracts.StepKind;
import io.aigenda.contracts.StepProgress;
import io.aigenda.diarization.DiarizationProperties;
import io.aigenda.diarization.Diarizer;
import io.aigenda.messaging.Messages;
import io.aigenda.messaging.transfer.ArtifactTransfer;
import io.aigenda.observability.PipelineMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Handles {@link Diarize}: downloads the recording to a temporary file, diarizes it,
 * stores the {@link DiarizationDocument} and answers {@link DiarizationReady}. Audio that
 * cannot be decoded fails for good; a failed transfer may succeed on another attempt.
 * Redelivery overwrites the same object, so it is harmless.
 */
@Component
class DiarizeListener {

	private static final Logger log = LoggerFactory.getLogger(DiarizeListener.class);

	private final Diarizer diarizer;

	private final Messages messages;

	private final ArtifactTransfer transfer;

	private final JsonMapper json = JsonMapper.builder().build();

	DiarizeListener(Diarizer diarizer, Messages messages, DiarizationProperties properties, PipelineMeters meters) {
		this.diarizer = diarizer;
		this.messages = messages;
		this.transfer = new ArtifactTransfer(properties.httpTimeout(), meters.transfers());
	}

	@RabbitListener(queues = "#{@topology.queue(T(io.aigenda.contracts.Queues).DIARIZE)}")
	void on(Diarize command) throws IOException {
		long started = System.nanoTime();
		log.info("Diarizing meeting {} (step {}, attempt {})", command.meetingId(), command.stepId(),
				command.attempt());
		Path audio = Files.createTempFile("aigenda-diarize-", ".audio");
		try {
			progress(command, 0.05, "Downloading the recording");
			try {
				this.transfer.download(command.audioUrl(), audio);
			}
			catch (ArtifactTransfer.TransferException ex) {
				fail(command, "Recording " + ex.getMessage(), ex.retryable(), category(ex));
				return;
			}
			progress(command, 0.2, "Finding speakers");
			DiarizationDocument document;
			try {
				document = this.diarizer.diarize(audio, command.minSpeakers(), command.maxSpeakers());
			}
			catch (AudioDecodingException ex) {
				fail(command, ex.getMessage(), false, FailureCategory.AUDIO);
				return;
			}
			progress(command, 0.9, "Storing speaker turns");
			try {
				this.transfer.putJson(command.resultUploadUrl(), this.json.writeValueAsString(document));
			}
			catch (ArtifactTransfer.TransferException ex) {
				fail(command, "Speaker turns " + ex.getMessage(), ex.retryable(), category(ex));
				return;
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			this.messages.publishEvent(
					new DiarizationReady(command.meetingId(), command.stepId(), command.attempt(), command.resultKey(),
							document.speakers().size(), document.durationSeconds(), document.engine(), seconds));
			progress(command, 1.0, "Speakers found");
			log.info("Meeting {}: {} speakers in {} s of audio, {} s", command.meetingId(), document.speakers().size(),
					String.format("%.1f", document.durationSeconds()), String.format("%.2f", seconds));
		}
		finally {
			Files.deleteIfExists(audio);
		}
	}

	private void progress(Diarize command, double fraction, String message) {
		this.messages
			.publishEvent(new StepProgress(command.meetingId(), command.stepId(), StepKind.DIARIZE, fraction, message));
	}

	private static FailureCategory category(ArtifactTransfer.TransferException ex) {
		return ex.timedOut() ? FailureCategory.TIMEOUT : FailureCategory.TRANSFER;
	}

	private void fail(Diarize command, String reason, boolean retryable, FailureCategory category) {
		log.warn("Diarization of meeting {} failed: {}", command.meetingId(), reason);
		this.messages.publishEvent(new StepFailed(command.meetingId(), command.stepId(), command.attempt(),
				StepKind.DIARIZE, reason, retryable, category));
	}

}
