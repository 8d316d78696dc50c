package io.aigenda.mlcontroller.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.aigenda.contracts.internal.ArtifactUrls;
import io.aigenda.contracts.DiarizationDocument;
import io.aigenda.contracts.Diarize;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.Queues;
import io.aigenda.contracts.StepProgress;
import io.aigenda.contracts.Transcribe;
import io.aigenda.contracts.TranscriptDocument;
import io.aigenda.contracts.WriteMinutes;
import io.aigenda.messaging.Messages;
import io.aigenda.messaging.transfer.ArtifactTransfer;
import io.aigenda.mlcontroller.MlControllerProperties;
import io.aigenda.mlcontroller.backend.BackendClient;
import io.aigenda.mlcontroller.join.TranscriptJoiner;
import io.aigenda.mlcontroller.voiceprint.SpeakerEmbeddings;
import io.aigenda.mlcontroller.voiceprint.SpeakerIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends one attempt of a step to its worker queue with fresh presigned URLs, valid until
 * the attempt's deadline plus a margin. Dispatching minutes first joins transcript and
 * diarization and stores the joined transcript, so a retried attempt simply joins again.
 */
@Component
class StepDispatcher {

	private static final Logger log = LoggerFactory.getLogger(StepDispatcher.class);

	private final BackendClient backend;

	private final ArtifactTransfer documents;

	private final Messages messages;

	private final PipelineStore store;

	private final MlControllerProperties properties;

	private final SpeakerIdentifier speakers;

	private final SpeakerEmbeddings embeddings;

	StepDispatcher(BackendClient backend, ArtifactTransfer documents, Messages messages, PipelineStore store,
			MlControllerProperties properties, SpeakerIdentifier speakers, SpeakerEmbeddings embeddings) {
		this.speakers = speakers;
		this.embeddings = embeddings;
		this.backend = backend;
		this.documents = documents;
		this.messages = messages;
		this.store = store;
		this.properties = properties;
	}

	/**
	 * Dispatches the attempt; throws when the backend, S3 or the broker could not be
	 * reached.
	 */
	void dispatch(Pipeline pipeline, Step step) {
		switch (step.kind()) {
			case TRANSCRIBE -> transcribe(pipeline, step);
			case DIARIZE -> diarize(pipeline, step);
			case WRITE_MINUTES -> writeMinutes(pipeline, step);
		}
		log.info("Dispatched {} attempt {} of meeting {} (deadline {})", step.kind(), step.attempt(), step.meetingId(),
				step.deadline());
	}

	private void transcribe(Pipeline pipeline, Step step) {
		ArtifactUrls urls = urls(step, List.of(Artifacts.RECORDING), List.of(Artifacts.ASR_TRANSCRIPT));
		String key = urls.keys().get(Artifacts.ASR_TRANSCRIPT);
		this.store.setResultKey(step.stepId(), key);
		send(step, Queues.TRANSCRIBE,
				new Transcribe(step.meetingId(), step.stepId(), step.attempt(), step.deadline(),
						urls.getUrls().get(Artifacts.RECORDING), pipeline.language(),
						urls.putUrls().get(Artifacts.ASR_TRANSCRIPT), key));
	}

	private void diarize(Pipeline pipeline, Step step) {
		ArtifactUrls urls = urls(step, List.of(Artifacts.RECORDING), List.of(Artifacts.DIARIZATION));
		String key = urls.keys().get(Artifacts.DIARIZATION);
		this.store.setResultKey(step.stepId(), key);
		send(step, Queues.DIARIZE,
				new Diarize(step.meetingId(), step.stepId(), step.attempt(), step.deadline(),
						urls.getUrls().get(Artifacts.RECORDING), pipeline.minSpeakers(), pipeline.maxSpeakers(),
						urls.putUrls().get(Artifacts.DIARIZATION), key));
	}

	private void writeMinutes(Pipeline pipeline, Step step) {
		ArtifactUrls urls = urls(step, List.of(Artifacts.ASR_TRANSCRIPT, Artifacts.DIARIZATION, Artifacts.TRANSCRIPT),
				List.of(Artifacts.TRANSCRIPT, Artifacts.MINUTES));
		TranscriptDocument transcript = this.documents.readJson(urls.getUrls().get(Artifacts.ASR_TRANSCRIPT),
				TranscriptDocument.class);
		DiarizationDocument diarization = this.documents.readJson(urls.getUrls().get(Artifacts.DIARIZATION),
				DiarizationDocument.class);
		MeetingTranscript joined = this.speakers.identify(pipeline.organisationId(), pipeline.meetingId(), diarization,
				TranscriptJoiner.join(transcript, diarization, pipeline.language()));
		if (this.store.deleted(step.meetingId())) {
			// deleted while joining: the deletion forgot the embeddings before they were
			// stored here
			this.embeddings.forget(pipeline.organisationId(), pipeline.meetingId());
			throw new IllegalStateException("Meeting " + step.meetingId() + " was deleted while it was joined");
		}
		this.documents.writeJson(urls.putUrls().get(Artifacts.TRANSCRIPT), joined);
		String transcriptKey = urls.keys().get(Artifacts.TRANSCRIPT);
		String minutesKey = urls.keys().get(Artifacts.MINUTES);
		this.store.recordTranscript(step.meetingId(), transcriptKey, joined.speakers().size(), Instant.now());
		this.store.setResultKey(step.stepId(), minutesKey);
		send(step, Queues.WRITE_MINUTES,
				new WriteMinutes(step.meetingId(), step.stepId(), step.attempt(), step.deadline(), joined.language(),
						urls.getUrls().get(Artifacts.TRANSCRIPT), urls.putUrls().get(Artifacts.MINUTES), minutesKey));
	}

	/**
	 * Tells who is watching that the step waits for its worker, then queues it: told
	 * first, so the worker's own progress always comes after it.
	 */
	private void send(Step step, String queue, Object command) {
		this.messages
			.publishEvent(StepProgress.dispatched(step.meetingId(), step.stepId(), step.kind(), step.attempt()));
		this.messages.sendCommand(queue, command);
	}

	private ArtifactUrls urls(Step step, List<String> get, List<String> put) {
		// valid for the attempt: until its deadline, and a margin for a worker finishing
		// just then
		long untilDeadline = Math.max(0, Duration.between(Instant.now(), step.deadline()).toMillis());
		Duration ttl = Duration.ofSeconds((untilDeadline + 999) / 1000).plus(this.properties.urlMargin());
		return this.backend.artifactUrls(step.meetingId(), get, put, ttl);
	}

}
