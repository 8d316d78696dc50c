package io.aigenda.mlcontroller.pipeline;

import java.util.UUID;

import io.aigenda.contracts.DiarizationReady;
import io.aigenda.contracts.MinutesWritten;
import io.aigenda.contracts.StepFailed;
import io.aigenda.contracts.StepProgress;
import io.aigenda.contracts.TranscriptReady;
import io.aigenda.mlcontroller.voiceprint.Enrolments;
import org.slf4j.MDC;
import org.springframework.amqp.rabbit.annotation.RabbitHandler;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Worker events, all on one queue; the logical type header picks the handler. A message
 * of a type no handler takes fails conversion and is dead-lettered with the reason.
 * Diarization of a voiceprint enrolment's clip answers here too, and goes to
 * {@link Enrolments}.
 */
@Component
@RabbitListener(queues = "#{@topology.queue(T(io.aigenda.contracts.Queues).ML_EVENTS)}")
class WorkerEventsListener {

	private final PipelineEngine engine;

	private final Enrolments enrolments;

	WorkerEventsListener(PipelineEngine engine, Enrolments enrolments) {
		this.engine = engine;
		this.enrolments = enrolments;
	}

	@RabbitHandler
	void on(TranscriptReady event) {
		try (MDC.MDCCloseable meeting = meeting(event.meetingId())) {
			this.engine.transcriptReady(event);
		}
	}

	@RabbitHandler
	void on(DiarizationReady event) {
		if (this.enrolments.owns(event.stepId())) {
			this.enrolments.diarizationReady(event);
			return;
		}
		try (MDC.MDCCloseable meeting = meeting(event.meetingId())) {
			this.engine.diarizationReady(event);
		}
	}

	@RabbitHandler
	void on(MinutesWritten event) {
		try (MDC.MDCCloseable meeting = meeting(event.meetingId())) {
			this.engine.minutesWritten(event);
		}
	}

	@RabbitHandler
	void on(StepFailed event) {
		if (this.enrolments.owns(event.stepId())) {
			this.enrolments.stepFailed(event);
			return;
		}
		try (MDC.MDCCloseable meeting = meeting(event.meetingId())) {
			this.engine.stepFailed(event);
		}
	}

	/**
	 * Progress is for people watching (the backend shows it); its step must be known all
	 * the same.
	 */
	@RabbitHandler
	void on(StepProgress event) {
		if (this.enrolments.owns(event.stepId())) {
			return;
		}
		try (MDC.MDCCloseable meeting = meeting(event.meetingId())) {
			this.engine.progress(event);
		}
	}

	private static MDC.MDCCloseable meeting(UUID meetingId) {
		return MDC.putCloseable("meetingId", String.valueOf(meetingId));
	}

}
