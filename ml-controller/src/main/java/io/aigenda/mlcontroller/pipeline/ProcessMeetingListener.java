package io.aigenda.mlcontroller.pipeline;

import io.aigenda.contracts.ProcessMeeting;
import org.slf4j.MDC;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/** Starts a meeting's pipeline when the backend asks for it. */
@Component
class ProcessMeetingListener {

	private final PipelineEngine engine;

	ProcessMeetingListener(PipelineEngine engine) {
		this.engine = engine;
	}

	@RabbitListener(queues = "#{@topology.queue(T(io.aigenda.contracts.Queues).PROCESS_MEETING)}")
	void on(ProcessMeeting command) {
		try (MDC.MDCCloseable meeting = MDC.putCloseable("meetingId", String.valueOf(command.meetingId()))) {
			this.engine.start(command);
		}
	}

}
