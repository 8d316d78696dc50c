package io.aigenda.asr.worker;

import java.nio.file.Path;
import java.util.Locale;

import io.aigenda.asr.Transcriber;
import io.aigenda.asr.Transcription;
import io.aigenda.asr.recognizer.RecognitionException;
import io.aigenda.asr.recognizer.UnsupportedLanguageException;
import io.aigenda.audio.AudioDecodingException;
import io.aigenda.contracts.StepFailed;
import io.aigenda.contracts.StepKind;
import io.aigenda.contracts.StepProgress;
import io.aigenda.contracts.Transcribe;
import io.aigenda.contracts.TranscriptDocument;
import io.aigenda.contracts.TranscriptReady;
import io.aigenda.messaging.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one {@code Transcribe} step: download the recording, transcribe it, store the transcript
 * through the presigned PUT URL, and answer {@code TranscriptReady}. A failure the step can name
 * (audio that cannot be decoded, no model for the language, an engine error, a failed transfer) becomes
 * {@code StepFailed} with a reason; only unexpected errors are thrown, to be retried and then
 * dead-lettered. Running a step twice stores the same result under the same key.
 */
@Component
class TranscribeListener {

	private static final Logger log = LoggerFactory.getLogger(TranscribeListener.class);

	// Share of the progress bar spent on downloading and on storing; recognition gets the rest.
	private static final double DOWNLOADED = 0.05;

	private static final double RECOGNISED = 0.95;

	private final Transcriber transcriber;

	private final PresignedTransfers transfers;

	private final Messages messages;

	private final JsonMapper json = JsonMapper.builder().build();

	TranscribeListener(Transcriber transcriber, PresignedTransfers transfers, Messages messages) {
		this.transcriber = transcriber;
		this.transfers = transfers;
		this.messages = messages;
	}

	@RabbitListener(queues = "#{@topology.queue(T(io.aigenda.contracts.Queues).TRANSCRIBE)}")
	void on(Transcribe command) {
		long started = System.nanoTime();
		log.info("Transcribing meeting {} step {} attempt {} (language {})", command.meetingId(), command.stepId(),
				command.attempt(), command.language());
		Path audio = null;
		try {
			progress(command, 0, "Downloading the recording");
			audio = this.transfers.download(command.audioUrl());
			progress(command, DOWNLOADED, "Recognising speech");
			Transcription transcription = this.transcriber.transcribeMeasured(audio, command.language(),
					(fraction, message) -> progress(command, DOWNLOADED + (RECOGNISED - DOWNLOADED) * fraction,
							message));
			TranscriptDocument document = transcription.document();
			this.transfers.uploadJson(command.resultUploadUrl(), this.json.writeValueAsBytes(document));
			double seconds = (System.nanoTime() - started) / 1e9;
			progress(command, 1, "Transcript stored");
			this.messages.publishEvent(new TranscriptReady(command.meetingId(), command.stepId(), command.attempt(),
					command.resultKey(), document.language(), document.durationSeconds(), document.engine(), seconds,
					document.words().size()));
			log.info("Transcribed meeting {}: {} words in {} s of audio, {} s (real-time factor {})",
					command.meetingId(), document.words().size(), format(document.durationSeconds()), format(seconds),
					format(transcription.realTimeFactor()));
		}
		catch (AudioDecodingException | UnsupportedLanguageException | RecognitionException ex) {
			// The same audio and configuration would fail the same way again.
			fail(command, ex.getMessage(), false);
		}
		catch (TransferException ex) {
			fail(command, ex.getMessage(), ex.retryable());
		}
		finally {
			PresignedTransfers.deleteQuietly(audio);
		}
	}

	private void progress(Transcribe command, double fraction, String message) {
		this.messages.publishEvent(
				new StepProgress(command.meetingId(), command.stepId(), StepKind.TRANSCRIBE, fraction, message));
	}

	private void fail(Transcribe command, String reason, boolean retryable) {
		log.warn("Transcription of meeting {} step {} failed ({}): {}", command.meetingId(), command.stepId(),
				retryable ? "retryable" : "final", reason);
		this.messages.publishEvent(new StepFailed(command.meetingId(), command.stepId(), command.attempt(),
				StepKind.TRANSCRIBE, reason, retryable));
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

}
