package io.aigenda.asr.worker;

import java.nio.file.Path;
import java.util.Locale;

import io.aigenda.asr.Transcriber;
import io.aigenda.asr.Transcription;
import io.aigenda.asr.recognizer.RecognitionException;
import io.aigenda.asr.recognizer.UnsupportedLanguageException;
import io.aigenda.audio.AudioDecodingException;
import io.aigenda.contracts.FailureCategory;
import io.aigenda.contracts.Transcribe;
import io.aigenda.contracts.TranscriptDocument;
import io.aigenda.contracts.TranscriptReady;
import io.aigenda.messaging.step.StepInput;
import io.aigenda.messaging.step.StepPlan;
import io.aigenda.messaging.step.StepResult;
import io.aigenda.messaging.step.StepTemplate;
import io.aigenda.messaging.step.WorkProgress;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Runs one {@code Transcribe} step through the worker step protocol: the recording,
 * transcribed, becomes the stored transcript and {@code TranscriptReady}. Audio that
 * cannot be decoded, no model for the language and an engine error fail the same way on
 * every attempt, so they fail the step for good.
 */
@Component
class TranscribeListener {

	// Recognition takes nearly all of the bar; download and store are quick next to it.
	private static final StepPlan PLAN = StepPlan.of("transcript")
		.fetching("Downloading the recording", 0.05)
		.working("Recognising speech")
		.storing("Storing the transcript", 0.05)
		.done("Transcript stored")
		.permanent(AudioDecodingException.class, FailureCategory.AUDIO)
		.permanent(UnsupportedLanguageException.class, FailureCategory.LANGUAGE)
		.permanent(RecognitionException.class, FailureCategory.MODEL);

	private final Transcriber transcriber;

	private final StepTemplate steps;

	TranscribeListener(Transcriber transcriber, StepTemplate steps) {
		this.transcriber = transcriber;
		this.steps = steps;
	}

	@RabbitListener(queues = "#{@topology.queue(T(io.aigenda.contracts.Queues).TRANSCRIBE)}")
	void on(Transcribe command) {
		this.steps.run(command, PLAN, StepInput.recording(command.audioUrl()),
				(audio, progress) -> transcribe(command, audio, progress));
	}

	private StepResult transcribe(Transcribe command, Path audio, WorkProgress progress) {
		Transcription transcription = this.transcriber.transcribeMeasured(audio, command.language(), progress::report);
		TranscriptDocument document = transcription.document();
		return StepResult.document(document,
				seconds -> new TranscriptReady(command.meetingId(), command.stepId(), command.attempt(),
						command.resultKey(), document.language(), document.durationSeconds(), document.engine(),
						seconds, document.words().size()),
				String.format(Locale.ROOT, "%d words in %.2f s of audio in language %s (real-time factor %.2f)",
						document.words().size(), document.durationSeconds(), document.language(),
						transcription.realTimeFactor()));
	}

}
