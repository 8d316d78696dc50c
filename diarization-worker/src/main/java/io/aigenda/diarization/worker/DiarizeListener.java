package io.aigenda.diarization.worker;

import java.nio.file.Path;
import java.util.Locale;

import io.aigenda.audio.AudioDecodingException;
import io.aigenda.contracts.DiarizationDocument;
import io.aigenda.contracts.DiarizationReady;
import io.aigenda.contracts.Diarize;
import io.aigenda.contracts.FailureCategory;
import io.aigenda.diarization.Diarizer;
import io.aigenda.messaging.step.StepInput;
import io.aigenda.messaging.step.StepPlan;
import io.aigenda.messaging.step.StepResult;
import io.aigenda.messaging.step.StepTemplate;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Handles {@link Diarize} through the worker step protocol: the recording, diarized,
 * becomes the stored {@link DiarizationDocument} and {@link DiarizationReady}. Audio that
 * cannot be decoded fails for good. Starts only when the configured device can run the
 * models (the {@code onnxDevice} bean): otherwise the worker is not ready and the
 * messages stay in the queue for a worker that can take them.
 */
@Component
class DiarizeListener {

	private static final StepPlan PLAN = StepPlan.of("speaker turns")
		.fetching("Downloading the recording", 0.2)
		.working("Finding speakers")
		.storing("Storing speaker turns", 0.1)
		.done("Speakers found")
		.permanent(AudioDecodingException.class, FailureCategory.AUDIO);

	private final ObjectProvider<Diarizer> diarizer;

	private final StepTemplate steps;

	/**
	 * The diarizer exists only where the device can run it, and then this listener runs.
	 */
	DiarizeListener(ObjectProvider<Diarizer> diarizer, StepTemplate steps) {
		this.diarizer = diarizer;
		this.steps = steps;
	}

	@RabbitListener(queues = "#{@topology.queue(T(io.aigenda.contracts.Queues).DIARIZE)}",
			autoStartup = "#{@onnxDevice.usable()}")
	void on(Diarize command) {
		this.steps.run(command, PLAN, StepInput.recording(command.audioUrl()),
				(audio, progress) -> diarize(command, audio));
	}

	private StepResult diarize(Diarize command, Path audio) {
		DiarizationDocument document = this.diarizer.getObject()
			.diarize(audio, command.minSpeakers(), command.maxSpeakers());
		return StepResult.document(document,
				seconds -> new DiarizationReady(command.meetingId(), command.stepId(), command.attempt(),
						command.resultKey(), document.speakers().size(), document.durationSeconds(), document.engine(),
						seconds),
				String.format(Locale.ROOT, "%d speakers in %.1f s of audio", document.speakers().size(),
						document.durationSeconds()));
	}

}
