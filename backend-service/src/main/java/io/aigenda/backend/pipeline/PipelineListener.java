package io.aigenda.backend.pipeline;

import io.aigenda.backend.speaker.VoiceprintEnrolments;
import io.aigenda.contracts.MeetingFailed;
import io.aigenda.contracts.MinutesReady;
import io.aigenda.contracts.StepProgress;
import io.aigenda.contracts.VoiceprintEnrolled;
import io.aigenda.contracts.VoiceprintEnrolmentFailed;

import org.springframework.amqp.rabbit.annotation.RabbitHandler;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Pipeline and voiceprint enrolment events addressed to the backend (one queue, so one
 * listener).
 */
@Component
@RabbitListener(queues = "#{@topology.queue(T(io.aigenda.contracts.Queues).BACKEND_EVENTS)}")
class PipelineListener {

	private final PipelineResults results;

	private final VoiceprintEnrolments enrolments;

	PipelineListener(PipelineResults results, VoiceprintEnrolments enrolments) {
		this.results = results;
		this.enrolments = enrolments;
	}

	@RabbitHandler
	void minutesReady(MinutesReady event, @Header(name = AmqpHeaders.MESSAGE_ID, required = false) String messageId) {
		this.results.minutesReady(event, messageId);
	}

	@RabbitHandler
	void meetingFailed(MeetingFailed event, @Header(name = AmqpHeaders.MESSAGE_ID, required = false) String messageId) {
		this.results.meetingFailed(event, messageId);
	}

	@RabbitHandler
	void progress(StepProgress event) {
		this.results.progress(event);
	}

	@RabbitHandler
	void voiceprintEnrolled(VoiceprintEnrolled event) {
		this.enrolments.enrolled(event);
	}

	@RabbitHandler
	void voiceprintEnrolmentFailed(VoiceprintEnrolmentFailed event) {
		this.enrolments.failed(event);
	}

}
