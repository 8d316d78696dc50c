package io.aigenda.backend.speaker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.aigenda.backend.meeting.Meeting;
import io.aigenda.backend.meeting.Meetings;
import io.aigenda.backend.problem.ApiException;
import io.aigenda.backend.speaker.SpeakerDtos.ReassignSpeech;
import io.aigenda.backend.speaker.SpeakerDtos.SpeakerView;
import io.aigenda.backend.speaker.SpeakerDtos.VoiceprintMatch;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Speakers of a processed meeting. Edits change the stored words and turns in place, so
 * the transcript, its exports and the speaker list always agree.
 */
@Service
class Speakers {

	static final int MAX_NAME_LENGTH = 100;

	private final Meetings meetings;

	private final Voiceprints voiceprints;

	private final JdbcClient jdbc;

	Speakers(Meetings meetings, Voiceprints voiceprints, JdbcClient jdbc) {
		this.meetings = meetings;
		this.voiceprints = voiceprints;
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	List<SpeakerView> list(UUID organisationId, UUID meetingId) {
		this.meetings.processed(organisationId, meetingId);
		return views(meetingId);
	}

	/**
	 * A person's name as speakers and voiceprints take it: trimmed, 1 to
	 * {@value #MAX_NAME_LENGTH} characters.
	 */
	static String validName(String name) {
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
			throw ApiException.badRequest("invalid-speaker-name",
					"A speaker name must have 1 to " + MAX_NAME_LENGTH + " characters");
		}
		return trimmed;
	}

	@Transactional
	SpeakerView rename(UUID organisationId, UUID meetingId, String label, String name) {
		String trimmed = validName(name);
		this.meetings.lockProcessed(organisationId, meetingId);
		requireSpeaker(meetingId, label);
		UUID voiceprintId = this.voiceprints.store(organisationId, meetingId, label, trimmed);
		this.jdbc
			.sql("update speakers set display_name = ?, voiceprint_id = ?, voiceprint_confidence = null "
					+ "where meeting_id = ? and label = ?")
			.params(trimmed, voiceprintId, meetingId, label)
			.update();
		return views(meetingId).stream().filter(v -> v.label().equals(label)).findFirst().orElseThrow();
	}

	@Transactional
	List<SpeakerView> merge(UUID organisationId, UUID meetingId, String from, String into) {
		if (from == null || into == null) {
			throw ApiException.badRequest("validation-failed", "Both 'from' and 'into' are required");
		}
		if (from.equals(into)) {
			throw ApiException.badRequest("validation-failed", "A speaker cannot be merged into itself");
		}
		Meeting meeting = this.meetings.lockProcessed(organisationId, meetingId);
		requireSpeaker(meetingId, from);
		requireSpeaker(meetingId, into);
		this.jdbc.sql("update transcript_words set speaker_label = ? where meeting_id = ? and speaker_label = ?")
			.params(into, meetingId, from)
			.update();
		this.jdbc.sql("update speaker_turns set speaker_label = ? where meeting_id = ? and speaker_label = ?")
			.params(into, meetingId, from)
			.update();
		// The merged speaker keeps its own name, or takes the other's when it had none.
		this.jdbc
			.sql("update speakers s set display_name = f.display_name, voiceprint_id = f.voiceprint_id, "
					+ "voiceprint_confidence = f.voiceprint_confidence from speakers f where s.meeting_id = ? "
					+ "and s.label = ? and f.meeting_id = s.meeting_id and f.label = ? and s.display_name is null")
			.params(meetingId, into, from)
			.update();
		this.jdbc.sql("delete from speakers where meeting_id = ? and label = ?").params(meetingId, from).update();
		speakersChanged(meeting);
		return views(meetingId);
	}

	@Transactional
	List<SpeakerView> reassign(UUID organisationId, UUID meetingId, ReassignSpeech request) {
		if (request.start() == null || request.end() == null || !(request.start() < request.end())
				|| request.start() < 0) {
			throw ApiException.badRequest("validation-failed", "'start' and 'end' must be seconds with start < end");
		}
		Meeting meeting = this.meetings.lockProcessed(organisationId, meetingId);
		if (request.from() != null) {
			requireSpeaker(meetingId, request.from());
		}
		String to = request.to();
		if (to == null) {
			to = newLabel(meetingId);
			this.jdbc.sql("insert into speakers (meeting_id, label) values (?, ?)").params(meetingId, to).update();
		}
		else {
			requireSpeaker(meetingId, to);
		}
		double start = request.start();
		double end = request.end();
		String fromClause = request.from() != null ? " and speaker_label = ?" : "";
		List<Object> params = new ArrayList<>(List.of(to, meetingId, start, end));
		if (request.from() != null) {
			params.add(request.from());
		}
		this.jdbc.sql("update transcript_words set speaker_label = ? where meeting_id = ? "
				+ "and (start_seconds + end_seconds) / 2 >= ? and (start_seconds + end_seconds) / 2 < ?" + fromClause)
			.params(params)
			.update();
		reassignTurns(meetingId, start, end, request.from(), to);
		removeSilentSpeakers(meetingId);
		speakersChanged(meeting);
		return views(meetingId);
	}

	/**
	 * Cuts the turns overlapping [start, end) so the overlapping part belongs to
	 * {@code to}.
	 */
	private void reassignTurns(UUID meetingId, double start, double end, String from, String to) {
		List<double[]> spans = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		this.jdbc
			.sql("select start_seconds, end_seconds, speaker_label from speaker_turns where meeting_id = ? "
					+ "order by idx")
			.param(meetingId)
			.query((rs, i) -> {
				spans.add(new double[] { rs.getDouble(1), rs.getDouble(2) });
				labels.add(rs.getString(3));
				return null;
			})
			.list();
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < spans.size(); i++) {
			double s = spans.get(i)[0];
			double e = spans.get(i)[1];
			String label = labels.get(i);
			boolean affected = e > start && s < end && (from == null || from.equals(label));
			if (!affected) {
				rows.add(new Object[] { meetingId, rows.size(), s, e, label });
				continue;
			}
			if (s < start) {
				rows.add(new Object[] { meetingId, rows.size(), s, start, label });
			}
			rows.add(new Object[] { meetingId, rows.size(), Math.max(s, start), Math.min(e, end), to });
			if (e > end) {
				rows.add(new Object[] { meetingId, rows.size(), end, e, label });
			}
		}
		rows.sort((a, b) -> Double.compare((double) a[2], (double) b[2]));
		for (int i = 0; i < rows.size(); i++) {
			rows.get(i)[1] = i;
		}
		this.jdbc.sql("delete from speaker_turns where meeting_id = ?").param(meetingId).update();
		for (Object[] row : rows) {
			this.jdbc
				.sql("insert into speaker_turns (meeting_id, idx, start_seconds, end_seconds, speaker_label) "
						+ "values (?, ?, ?, ?, ?)")
				.params(row)
				.update();
		}
	}

	/** Speakers left with neither words nor turns after an edit are gone. */
	private void removeSilentSpeakers(UUID meetingId) {
		this.jdbc
			.sql("delete from speakers s where s.meeting_id = ? "
					+ "and not exists (select 1 from transcript_words w where w.meeting_id = s.meeting_id "
					+ "and w.speaker_label = s.label) and not exists (select 1 from speaker_turns t "
					+ "where t.meeting_id = s.meeting_id and t.speaker_label = s.label)")
			.param(meetingId)
			.update();
	}

	/** The meeting's speaker count follows its speakers, through the meeting itself. */
	private void speakersChanged(Meeting meeting) {
		int count = this.jdbc.sql("select count(*) from speakers where meeting_id = ?")
			.param(meeting.getId())
			.query(Integer.class)
			.single();
		meeting.speakersChanged(count);
	}

	private String newLabel(UUID meetingId) {
		int max = 0;
		for (String label : this.jdbc.sql("select label from speakers where meeting_id = ?")
			.param(meetingId)
			.query(String.class)
			.list()) {
			if (label.matches("S\\d{1,6}")) {
				max = Math.max(max, Integer.parseInt(label.substring(1)));
			}
		}
		return "S" + (max + 1);
	}

	private List<SpeakerView> views(UUID meetingId) {
		Map<String, Integer> words = new HashMap<>();
		Map<String, Double> wordTime = new HashMap<>();
		this.jdbc
			.sql("select speaker_label, count(*), sum(end_seconds - start_seconds) from transcript_words "
					+ "where meeting_id = ? and speaker_label is not null group by speaker_label")
			.param(meetingId)
			.query((rs, i) -> {
				words.put(rs.getString(1), rs.getInt(2));
				wordTime.put(rs.getString(1), rs.getDouble(3));
				return null;
			})
			.list();
		Map<String, Double> turnTime = new HashMap<>();
		this.jdbc
			.sql("select speaker_label, sum(end_seconds - start_seconds) from speaker_turns where meeting_id = ? "
					+ "group by speaker_label")
			.param(meetingId)
			.query((rs, i) -> turnTime.put(rs.getString(1), rs.getDouble(2)))
			.list();
		return this.jdbc
			.sql("select s.label, s.display_name, s.voiceprint_id, v.name, s.voiceprint_confidence from speakers s "
					+ "left join voiceprints v on v.id = s.voiceprint_id where s.meeting_id = ? order by s.label")
			.param(meetingId)
			.query((rs, i) -> {
				String label = rs.getString(1);
				UUID voiceprintId = rs.getObject(3, UUID.class);
				Double confidence = rs.getObject(5) != null ? rs.getDouble(5) : null;
				VoiceprintMatch match = voiceprintId != null
						? new VoiceprintMatch(voiceprintId, rs.getString(4), confidence) : null;
				// Talk time from the diarization's turns; from the words where a meeting
				// has none.
				double talk = turnTime.containsKey(label) ? turnTime.get(label) : wordTime.getOrDefault(label, 0.0);
				return new SpeakerView(label, rs.getString(2), words.getOrDefault(label, 0),
						Math.round(talk * 1000) / 1000.0, match, confidence);
			})
			.list();
	}

	private void requireSpeaker(UUID meetingId, String label) {
		boolean exists = label != null
				&& this.jdbc.sql("select count(*) from speakers where meeting_id = ? and label = ?")
					.params(meetingId, label)
					.query(Integer.class)
					.single() > 0;
		if (!exists) {
			throw ApiException.notFound("Speaker " + label);
		}
	}

}
