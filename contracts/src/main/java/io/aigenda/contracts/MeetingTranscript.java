package io.aigenda.contracts;

import java.util.List;

/**
 * The joined, speaker-attributed transcript the ml-controller writes for the llm-worker
 * and backend.
 *
 * @param identities speakers recognised by a voiceprint of the organisation; empty when
 * none
 */
public record MeetingTranscript(Language language, double durationSeconds, List<String> speakers, List<Word> words,
		List<SpeakerTurn> turns, List<SpeakerIdentity> identities) {

	public MeetingTranscript {
		language = Language.orAuto(language);
		identities = identities == null ? List.of() : List.copyOf(identities);
	}

	public MeetingTranscript(Language language, double durationSeconds, List<String> speakers, List<Word> words,
			List<SpeakerTurn> turns) {
		this(language, durationSeconds, speakers, words, turns, List.of());
	}

	public MeetingTranscript withLanguage(Language decided) {
		return new MeetingTranscript(decided, this.durationSeconds, this.speakers, this.words, this.turns,
				this.identities);
	}

	public MeetingTranscript withIdentities(List<SpeakerIdentity> found) {
		return new MeetingTranscript(this.language, this.durationSeconds, this.speakers, this.words, this.turns, found);
	}

}
