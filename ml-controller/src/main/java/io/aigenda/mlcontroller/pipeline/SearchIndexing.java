package io.aigenda.mlcontroller.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import io.aigenda.contracts.internal.ArtifactUrls;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.Minutes;
import io.aigenda.messaging.transfer.ArtifactTransfer;
import io.aigenda.mlcontroller.backend.BackendClient;
import io.aigenda.mlcontroller.search.MeetingSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Indexes a processed meeting's passages for semantic search. Search is an extra: a
 * failure here is logged and never fails the meeting, whose minutes are already
 * delivered.
 */
@Component
class SearchIndexing {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexing.class);

	private final ObjectProvider<MeetingSearch> search;

	private final BackendClient backend;

	private final ArtifactTransfer documents;

	SearchIndexing(ObjectProvider<MeetingSearch> search, BackendClient backend, ArtifactTransfer documents) {
		this.search = search;
		this.backend = backend;
		this.documents = documents;
	}

	/**
	 * @param deleted whether the meeting was deleted meanwhile: a deletion that arrived
	 * while the passages were being embedded has forgotten the meeting before they were
	 * written, so they are forgotten again here
	 */
	void index(Pipeline pipeline, Predicate<UUID> deleted) {
		MeetingSearch meetings = this.search.getIfAvailable();
		if (meetings == null) {
			return;
		}
		try {
			ArtifactUrls urls = this.backend.artifactUrls(pipeline.meetingId(),
					List.of(Artifacts.TRANSCRIPT, Artifacts.MINUTES), List.of(), Duration.ofMinutes(5));
			MeetingTranscript transcript = this.documents.readJson(urls.getUrls().get(Artifacts.TRANSCRIPT),
					MeetingTranscript.class);
			Minutes minutes = this.documents.readJson(urls.getUrls().get(Artifacts.MINUTES), Minutes.class);
			int passages = meetings.index(pipeline.organisationId(), pipeline.meetingId(), transcript, minutes);
			if (deleted.test(pipeline.meetingId())) {
				meetings.forget(pipeline.organisationId(), pipeline.meetingId());
				log.info("Meeting {} was deleted while it was indexed; its passages are forgotten",
						pipeline.meetingId());
				return;
			}
			log.info("Meeting {} indexed for search: {} passages", pipeline.meetingId(), passages);
		}
		catch (RuntimeException ex) {
			log.warn("Meeting {} not indexed for search: {}", pipeline.meetingId(), ex.getMessage());
		}
	}

}
