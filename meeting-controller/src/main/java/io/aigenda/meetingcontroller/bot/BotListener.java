package io.aigenda.meetingcontroller.bot;

import io.aigenda.contracts.StartRecording;
import io.aigenda.contracts.StopRecording;

import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/** Bot commands from the backend. Both handlers are idempotent. */
@Component
class BotListener {

	private final Bots bots;

	BotListener(Bots bots) {
		this.bots = bots;
	}

	@RabbitListener(queues = "#{@topology.queue(T(io.aigenda.contracts.Queues).START_RECORDING)}")
	void start(StartRecording command) {
		this.bots.start(command);
	}

	@RabbitListener(queues = "#{@topology.queue(T(io.aigenda.contracts.Queues).STOP_RECORDING)}")
	void stop(StopRecording command) {
		this.bots.stop(command);
	}

}
