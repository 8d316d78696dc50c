package io.aigenda.mlcontroller.voiceprint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.aigenda.contracts.DiarizationDocument;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.SpeakerIdentity;
import io.aigenda.mlcontroller.vector.VectorCollection;
import io.aigenda.mlcontroller.vector.VectorMatch;
import io.aigenda.mlcontroller.vector.VectorStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Names the speakers of a newly joined meeting from the organisation's voiceprints, and
 * keeps the meeting's speaker embeddings for voiceprints named later.
 */
@Service
public class SpeakerIdentifier {

	private static final Logger log = LoggerFactory.getLogger(SpeakerIdentifier.class);

	private static final int CANDIDATES = 5;

	private final SpeakerEmbeddings embeddings;

	private final VectorStore vectors;

	private final VoiceprintProperties properties;

	SpeakerIdentifier(SpeakerEmbeddings embeddings, VectorStore vectors, VoiceprintProperties properties) {
		this.embeddings = embeddings;
		this.vectors = vectors;
		this.properties = properties;
	}

	public MeetingTranscript identify(UUID organisationId, UUID meetingId, DiarizationDocument diarization,
			MeetingTranscript joined) {
		Map<String, float[]> byLabel = diarization.speakerEmbeddings();
		this.embeddings.replace(organisationId, meetingId, byLabel);
		if (byLabel.isEmpty()) {
			return joined;
		}
		record Candidate(String speaker, VectorMatch match) {
		}
		List<Candidate> candidates = new ArrayList<>();
		byLabel.forEach((label, vector) -> {
			if (joined.speakers().contains(label)) {
				for (VectorMatch match : this.vectors.search(VectorCollection.VOICEPRINTS, organisationId, vector,
						CANDIDATES, this.properties.matchThreshold())) {
					candidates.add(new Candidate(label, match));
				}
			}
		});
		// Best pairs first; a speaker gets one name, and a person is one speaker of a
		// meeting.
		candidates.sort(Comparator.comparingDouble((Candidate c) -> c.match().score()).reversed());
		Set<String> namedSpeakers = new HashSet<>();
		Set<String> usedNames = new HashSet<>();
		List<SpeakerIdentity> identities = new ArrayList<>();
		for (Candidate c : candidates) {
			String name = c.match().payload().getOrDefault(VoiceprintCommands.NAME, "");
			if (name.isEmpty() || namedSpeakers.contains(c.speaker()) || usedNames.contains(name)) {
				continue;
			}
			namedSpeakers.add(c.speaker());
			usedNames.add(name);
			identities.add(new SpeakerIdentity(c.speaker(), c.match().id(), name,
					Math.round(this.properties.confidence(c.match().score()) * 1000) / 1000.0));
		}
		if (!identities.isEmpty()) {
			log.info("Meeting {}: recognised {} speaker(s) by voiceprint", meetingId, identities.size());
		}
		identities.sort(Comparator.comparing(SpeakerIdentity::speaker));
		return joined.withIdentities(identities);
	}

}
