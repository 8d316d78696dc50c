package io.aigenda.backend.pipeline;

import io.aigenda.contracts.MeetingFailed;
import io.aigenda.contracts.MinutesReady;
import io.aigenda.contracts.StepProgress;

import org.springframework.amqp.rabbit.annotation.RabbitHandler;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/** Pipeline events addressed to the backend. */
@Component
@RabbitListener(queues = "#{@topology.queue(T(io.aigenda.contracts.Queues).BACKEND_EVENTS)}")
class PipelineListener {

	private final PipelineResults results;

	PipelineListener(PipelineResults results) {
		this.results = results;
	}

	@RabbitHandler
	void minutesReady(MinutesReady event, @Header(name = AmqpHeaders.MESSAGE_ID, required = false) String messageId) {
		this.results.minutesReady(event, messageId);
	}

	@RabbitHandler
	void meetingFailed(MeetingFailed event,
			@Header(name = AmqpHeaders.MESSAGE_ID, required = false) String messageId) {
		this.results.meetingFailed(event, messageId);
	}

	@RabbitHandler
	void progress(StepProgress event) {
		this.results.progress(event);
	}

}
