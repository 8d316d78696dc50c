package io.aigenda.llm.worker;

import io.aigenda.contracts.FailureCategory;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.Minutes;
import io.aigenda.contracts.MinutesWritten;
import io.aigenda.contracts.WriteMinutes;
import io.aigenda.llm.minutes.InvalidMinutesException;
import io.aigenda.llm.minutes.MinutesJson;
import io.aigenda.llm.minutes.MinutesWriter;
import io.aigenda.messaging.step.StepInput;
import io.aigenda.messaging.step.StepPlan;
import io.aigenda.messaging.step.StepResult;
import io.aigenda.messaging.step.StepTemplate;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Handles {@link WriteMinutes} through the worker step protocol: the transcript document
 * becomes minutes, checked against the schema, stored, and announced with
 * {@link MinutesWritten}. A transcript that is not valid JSON and minutes the schema
 * refuses fail for good.
 */
@Component
class WriteMinutesListener {

	private static final StepPlan PLAN = StepPlan.of("minutes")
		.fetching("Reading the transcript", 0.2)
		.working("Writing the minutes")
		.storing("Storing the minutes", 0.1)
		.done("Minutes written")
		.permanent(InvalidMinutesException.class, FailureCategory.MODEL);

	private final MinutesWriter writer;

	private final StepTemplate steps;

	WriteMinutesListener(MinutesWriter writer, StepTemplate steps) {
		this.writer = writer;
		this.steps = steps;
	}

	@RabbitListener(queues = "#{@topology.queue(T(io.aigenda.contracts.Queues).WRITE_MINUTES)}")
	void on(WriteMinutes command) {
		this.steps.run(command, PLAN,
				StepInput.document(command.transcriptUrl(), MeetingTranscript.class, "transcript"),
				(transcript, progress) -> write(command, withLanguage(transcript, command.language())));
	}

	private StepResult write(WriteMinutes command, MeetingTranscript transcript) {
		Minutes minutes = this.writer.write(transcript);
		String engine = this.writer.engine();
		return StepResult.json(MinutesJson.write(minutes), seconds -> new MinutesWritten(command.meetingId(),
				command.stepId(), command.attempt(), command.resultKey(), engine, seconds), "written by " + engine);
	}

	/** The command's language fills in a transcript that left it open. */
	private static MeetingTranscript withLanguage(MeetingTranscript transcript, Language language) {
		return transcript.withLanguage(Language.decide(transcript.language(), language));
	}

}
