package io.aigenda.asr.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.aigenda.asr.Transcriber;
import io.aigenda.asr.Transcription;
import io.aigenda.asr.recognizer.RecognitionException;
import io.aigenda.asr.recognizer.UnsupportedLanguageException;
import io.aigenda.audio.AudioDecodingException;
import io.aigenda.contracts.FailureCategory;
import io.aigenda.contracts.StepFailed;
import io.aigenda.contracts.StepKind;
import io.aigenda.contracts.StepProgress;
import io.aigenda.contracts.Transcribe;
import io.aigenda.contracts.TranscriptDocument;
import io.aigenda.contracts.TranscriptReady;
import io.aigenda.messaging.Messages;
import io.aigenda.messaging.transfer.ArtifactTransfer;
import io.aigenda.observability.PipelineMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one {@code Transcribe} step: download the recording, transcribe it, store the
 * transcript through the presigned PUT URL, and answer {@code TranscriptReady}. A failure
 * the step can name (audio that cannot be decoded, no model for the language, an engine
 * error, a failed transfer) becomes {@code StepFailed} with a reason; only unexpected
 * errors are thrown, to be retried and then dead-lettered. Running a step twice stores
 * the same result under the same key.
 */
@Component
class TranscribeListener {

	private static final Logger log = LoggerFactory.getLogger(TranscribeListener.class);

	// Share of the progress bar spent on downloading and on storing; recognition gets the
	// rest.
	private static final double DOWNLOADED = 0.05;

	private static final double RECOGNISED = 0.95;

	private final Transcriber transcriber;

	private final ArtifactTransfer transfer;

	private final WorkerProperties properties;

	private final Messages messages;

	private final JsonMapper json = JsonMapper.builder().build();

	TranscribeListener(Transcriber transcriber, Messages messages, WorkerProperties properties, PipelineMeters meters) {
		this.transcriber = transcriber;
		this.messages = messages;
		this.properties = properties;
		this.transfer = new ArtifactTransfer(properties.connectTimeout(), properties.transferTimeout(),
				meters.transfers());
	}

	@RabbitListener(queues = "#{@topology.queue(T(io.aigenda.contracts.Queues).TRANSCRIBE)}")
	void on(Transcribe command) {
		long started = System.nanoTime();
		log.info("Transcribing meeting {} step {} attempt {} (language {})", command.meetingId(), command.stepId(),
				command.attempt(), command.language());
		Path audio = null;
		try {
			progress(command, 0, "Downloading the recording");
			audio = temporaryFile();
			try {
				this.transfer.download(command.audioUrl(), audio);
			}
			catch (ArtifactTransfer.TransferException ex) {
				fail(command, "Recording " + ex.getMessage(), ex.retryable(), category(ex));
				return;
			}
			progress(command, DOWNLOADED, "Recognising speech");
			Transcription transcription = this.transcriber.transcribeMeasured(audio, command.language(), (fraction,
					message) -> progress(command, DOWNLOADED + (RECOGNISED - DOWNLOADED) * fraction, message));
			TranscriptDocument document = transcription.document();
			try {
				this.transfer.putJson(command.resultUploadUrl(), this.json.writeValueAsString(document));
			}
			catch (ArtifactTransfer.TransferException ex) {
				fail(command, "Transcript " + ex.getMessage(), ex.retryable(), category(ex));
				return;
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			progress(command, 1, "Transcript stored");
			this.messages.publishEvent(new TranscriptReady(command.meetingId(), command.stepId(), command.attempt(),
					command.resultKey(), document.language(), document.durationSeconds(), document.engine(), seconds,
					document.words().size()));
			log.info("Transcribed meeting {}: {} words in {} s of audio, {} s (real-time factor {})",
					command.meetingId(), document.words().size(), format(document.durationSeconds()), format(seconds),
					format(transcription.realTimeFactor()));
		}
		// The same audio and configuration would fail the same way again.
		catch (AudioDecodingException ex) {
			fail(command, ex.getMessage(), false, FailureCategory.AUDIO);
		}
		catch (UnsupportedLanguageException ex) {
			fail(command, ex.getMessage(), false, FailureCategory.LANGUAGE);
		}
		catch (RecognitionException ex) {
			fail(command, ex.getMessage(), false, FailureCategory.MODEL);
		}
		catch (IOException ex) {
			fail(command, "No room for the recording on this worker: " + ex.getMessage(), true, FailureCategory.OTHER);
		}
		finally {
			deleteQuietly(audio);
		}
	}

	/**
	 * A recording goes straight to a file, never into the heap, in the configured folder
	 * if any.
	 */
	private Path temporaryFile() throws IOException {
		Path dir = this.properties.tempDir();
		if (dir != null) {
			Files.createDirectories(dir);
			return Files.createTempFile(dir, "aigenda-asr-", ".audio");
		}
		return Files.createTempFile("aigenda-asr-", ".audio");
	}

	private static void deleteQuietly(Path file) {
		if (file == null) {
			return;
		}
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// a left-over temporary file is not worth failing a step for; the OS cleans
			// its temp folder
			log.warn("Could not delete the temporary file {}: {}", file, ex.getMessage());
		}
	}

	private void progress(Transcribe command, double fraction, String message) {
		this.messages.publishEvent(
				new StepProgress(command.meetingId(), command.stepId(), StepKind.TRANSCRIBE, fraction, message));
	}

	private static FailureCategory category(ArtifactTransfer.TransferException ex) {
		return ex.timedOut() ? FailureCategory.TIMEOUT : FailureCategory.TRANSFER;
	}

	private void fail(Transcribe command, String reason, boolean retryable, FailureCategory category) {
		log.warn("Transcription of meeting {} step {} failed ({}): {}", command.meetingId(), command.stepId(),
				retryable ? "retryable" : "final", reason);
		this.messages.publishEvent(new StepFailed(command.meetingId(), command.stepId(), command.attempt(),
				StepKind.TRANSCRIBE, reason, retryable, category));
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

}
