package io.aigenda.mlcontroller.voiceprint;

import io.aigenda.contracts.EnrolVoiceprint;
import io.aigenda.contracts.ForgetVoiceprint;
import io.aigenda.contracts.StoreVoiceprint;

import org.springframework.amqp.rabbit.annotation.RabbitHandler;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/** Voiceprint commands from the backend. */
@Component
@RabbitListener(queues = "#{@topology.queue(T(io.aigenda.contracts.Queues).VOICEPRINTS)}")
class VoiceprintListener {

	private final VoiceprintCommands commands;

	private final Enrolments enrolments;

	VoiceprintListener(VoiceprintCommands commands, Enrolments enrolments) {
		this.commands = commands;
		this.enrolments = enrolments;
	}

	@RabbitHandler
	void on(EnrolVoiceprint command) {
		this.enrolments.start(command);
	}

	@RabbitHandler
	void on(StoreVoiceprint command) {
		this.commands.store(command);
	}

	@RabbitHandler
	void on(ForgetVoiceprint command) {
		this.enrolments.forget(command.voiceprintId());
		this.commands.forget(command);
	}

}
