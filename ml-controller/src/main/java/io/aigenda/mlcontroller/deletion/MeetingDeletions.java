package io.aigenda.mlcontroller.deletion;

import io.aigenda.contracts.MeetingDeleted;
import io.aigenda.mlcontroller.pipeline.PipelineEngine;
import io.aigenda.mlcontroller.search.MeetingSearch;
import io.aigenda.mlcontroller.voiceprint.SpeakerEmbeddings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Forgets a meeting the backend deleted: the pipeline first (so nothing of it runs on or
 * is indexed again), then its text chunks and per-meeting speaker embeddings. The
 * organisation's named voiceprints stay: a person enrolled from the meeting is still that
 * person. Every part is idempotent, so a redelivery (or a failure halfway, retried) ends
 * in the same place.
 */
@Component
class MeetingDeletions {

	private static final Logger log = LoggerFactory.getLogger(MeetingDeletions.class);

	private final PipelineEngine engine;

	private final ObjectProvider<MeetingSearch> search;

	private final SpeakerEmbeddings embeddings;

	MeetingDeletions(PipelineEngine engine, ObjectProvider<MeetingSearch> search, SpeakerEmbeddings embeddings) {
		this.engine = engine;
		this.search = search;
		this.embeddings = embeddings;
	}

	@RabbitListener(queues = "#{@topology.queue(T(io.aigenda.contracts.Queues).ML_DELETIONS)}")
	void on(MeetingDeleted event) {
		try (MDC.MDCCloseable meeting = MDC.putCloseable("meetingId", String.valueOf(event.meetingId()))) {
			this.engine.abandon(event);
			MeetingSearch meetings = this.search.getIfAvailable();
			if (meetings != null) {
				meetings.forget(event.organisationId(), event.meetingId());
			}
			int speakers = this.embeddings.forget(event.organisationId(), event.meetingId());
			log.info("Deleted meeting {} forgotten: text chunks and {} speaker embeddings", event.meetingId(),
					speakers);
		}
	}

}
