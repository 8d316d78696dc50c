package io.aigenda.llm.worker;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.Minutes;
import io.aigenda.contracts.MinutesWritten;
import io.aigenda.contracts.StepFailed;
import io.aigenda.contracts.StepKind;
import io.aigenda.contracts.StepProgress;
import io.aigenda.contracts.WriteMinutes;
import io.aigenda.llm.minutes.InvalidMinutesException;
import io.aigenda.llm.minutes.LlmProperties;
import io.aigenda.llm.minutes.MinutesJson;
import io.aigenda.llm.minutes.MinutesWriter;
import io.aigenda.messaging.Messages;
import io.aigenda.messaging.transfer.ArtifactTransfer;
import io.aigenda.observability.PipelineMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

/**
 * Handles {@link WriteMinutes}: reads the transcript, writes and validates the minutes,
 * stores them and answers {@link MinutesWritten}. A step that cannot be done is answered
 * with {@link StepFailed}; the same command run twice overwrites the same object, so
 * redelivery is safe.
 */
@Component
class WriteMinutesListener {

	private static final Logger log = LoggerFactory.getLogger(WriteMinutesListener.class);

	private final MinutesWriter writer;

	private final Messages messages;

	private final ArtifactTransfer transfer;

	WriteMinutesListener(MinutesWriter writer, Messages messages, LlmProperties properties, PipelineMeters meters) {
		this.writer = writer;
		this.messages = messages;
		this.transfer = new ArtifactTransfer(properties.httpTimeout(), meters.transfers());
	}

	@RabbitListener(queues = "#{@topology.queue(T(io.aigenda.contracts.Queues).WRITE_MINUTES)}")
	void on(WriteMinutes command) {
		long started = System.nanoTime();
		log.info("Writing minutes for meeting {} (step {}, attempt {})", command.meetingId(), command.stepId(),
				command.attempt());
		progress(command, 0.05, "Reading the transcript");
		MeetingTranscript transcript;
		try {
			transcript = withLanguage(MinutesJson.readTranscript(this.transfer.get(command.transcriptUrl())),
					command.language());
		}
		catch (ArtifactTransfer.TransferException ex) {
			fail(command, "Transcript " + ex.getMessage(), ex.retryable());
			return;
		}
		catch (JacksonException ex) {
			fail(command, "The transcript is not valid JSON: " + ex.getOriginalMessage(), false);
			return;
		}
		progress(command, 0.2, "Writing the minutes");
		String json;
		try {
			Minutes minutes = this.writer.write(transcript);
			json = MinutesJson.write(minutes);
		}
		catch (InvalidMinutesException ex) {
			fail(command, ex.getMessage(), false);
			return;
		}
		progress(command, 0.9, "Storing the minutes");
		try {
			this.transfer.putJson(command.resultUploadUrl(), json);
		}
		catch (ArtifactTransfer.TransferException ex) {
			fail(command, "Minutes " + ex.getMessage(), ex.retryable());
			return;
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		this.messages.publishEvent(new MinutesWritten(command.meetingId(), command.stepId(), command.attempt(),
				command.resultKey(), this.writer.engine(), seconds));
		progress(command, 1.0, "Minutes written");
		log.info("Minutes for meeting {} written in {} s", command.meetingId(), String.format("%.2f", seconds));
	}

	/** The command's language fills in a transcript that left it open. */
	private static MeetingTranscript withLanguage(MeetingTranscript transcript, Language language) {
		return transcript.withLanguage(Language.decide(transcript.language(), language));
	}

	private void progress(WriteMinutes command, double fraction, String message) {
		this.messages.publishEvent(
				new StepProgress(command.meetingId(), command.stepId(), StepKind.WRITE_MINUTES, fraction, message));
	}

	private void fail(WriteMinutes command, String reason, boolean retryable) {
		log.warn("Minutes for meeting {} failed: {}", command.meetingId(), reason);
		this.messages.publishEvent(new StepFailed(command.meetingId(), command.stepId(), command.attempt(),
				StepKind.WRITE_MINUTES, reason, retryable));
	}

}
