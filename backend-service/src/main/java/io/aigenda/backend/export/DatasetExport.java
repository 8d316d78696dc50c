package io.aigenda.backend.export;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.aigenda.backend.auth.Account;
import io.aigenda.backend.meeting.Meeting;
import io.aigenda.backend.meeting.Meetings;
import io.aigenda.backend.problem.ApiException;
import io.aigenda.backend.storage.ObjectStore;
import io.aigenda.backend.transcript.TranscriptStore;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.Word;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation's processed meetings as training data, one JSON object per line, so
 * the platform's own (corrected) transcripts and minutes can fine-tune its models:
 * {@code /api/v1/datasets/asr} is an ASR manifest (audio URL, start, end, text, speaker,
 * language; segments of one speaker up to {@code maxSegmentSeconds}), and
 * {@code /api/v1/datasets/minutes} is instruction-tuning data (dialogue, task, answer:
 * the minutes as people left them). Audio URLs are presigned and expire after
 * {@code urlTtlMinutes}.
 */
@RestController
class DatasetExport {

	static final MediaType JSONL = MediaType.parseMediaType("application/x-ndjson");

	private static final Map<Language, String> TASKS = Map.of(Language.RU,
			"Составь протокол встречи: краткое содержание, решения и задачи с ответственными и сроками.", Language.EN,
			"Write the minutes of this meeting: a summary, the decisions, and the action items with owners and due dates.");

	private final JdbcClient jdbc;

	private final Meetings meetings;

	private final TranscriptStore store;

	private final ObjectStore objects;

	private final JsonMapper json;

	DatasetExport(JdbcClient jdbc, Meetings meetings, TranscriptStore store, ObjectStore objects, JsonMapper json) {
		this.jdbc = jdbc;
		this.meetings = meetings;
		this.store = store;
		this.objects = objects;
		this.json = json;
	}

	@GetMapping("/api/v1/datasets/asr")
	@Transactional(readOnly = true)
	ResponseEntity<byte[]> asr(@AuthenticationPrincipal Account account,
			@RequestParam(defaultValue = "false") boolean correctedOnly,
			@RequestParam(defaultValue = "20") double maxSegmentSeconds,
			@RequestParam(defaultValue = "60") int urlTtlMinutes) {
		if (maxSegmentSeconds < 1 || maxSegmentSeconds > 120) {
			throw ApiException.badRequest("segment-length", "maxSegmentSeconds must be between 1 and 120");
		}
		Duration ttl = ttl(urlTtlMinutes);
		StringBuilder out = new StringBuilder();
		for (Meeting meeting : this.meetings.processedOf(account.organisationId())) {
			Set<Integer> corrected = correctedWords(meeting.getId());
			if (correctedOnly && corrected.isEmpty()) {
				continue;
			}
			MeetingTranscript transcript = transcript(meeting);
			Map<String, String> names = this.store.speakerNames(meeting.getId());
			String audio = meeting.getRecordingKey() == null ? null
					: this.objects.presignGet(meeting.getRecordingKey(), ttl);
			for (Segment segment : segments(transcript.words(), maxSegmentSeconds)) {
				Map<String, Object> line = new LinkedHashMap<>();
				line.put("meetingId", meeting.getId());
				line.put("audio", audio);
				line.put("start", round(segment.start()));
				line.put("end", round(segment.end()));
				line.put("text", segment.text());
				line.put("speaker", name(names, segment.speaker()));
				line.put("language", transcript.language());
				line.put("corrected", segment.indices().stream().anyMatch(corrected::contains));
				out.append(this.json.writeValueAsString(line)).append('\n');
			}
		}
		return download("asr-manifest.jsonl", out);
	}

	@GetMapping("/api/v1/datasets/minutes")
	@Transactional(readOnly = true)
	ResponseEntity<byte[]> minutes(@AuthenticationPrincipal Account account) {
		StringBuilder out = new StringBuilder();
		for (Meeting meeting : this.meetings.processedOf(account.organisationId())) {
			String minutes = this.store.minutesJson(meeting.getId()).orElse(null);
			if (minutes == null) {
				continue;
			}
			MeetingTranscript transcript = transcript(meeting);
			Map<String, String> names = this.store.speakerNames(meeting.getId());
			StringBuilder dialogue = new StringBuilder();
			for (Segment turn : segments(transcript.words(), Double.MAX_VALUE)) {
				dialogue.append(name(names, turn.speaker())).append(": ").append(turn.text()).append('\n');
			}
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("meetingId", meeting.getId());
			line.put("language", transcript.language());
			line.put("dialogue", dialogue.toString().strip());
			line.put("task", TASKS.getOrDefault(transcript.language(), TASKS.get(Language.EN)));
			line.put("answer", this.json.readTree(minutes));
			out.append(this.json.writeValueAsString(line)).append('\n');
		}
		return download("minutes-instructions.jsonl", out);
	}

	/** Consecutive words of one speaker, cut before a segment would exceed the limit. */
	static List<Segment> segments(List<Word> words, double maxSeconds) {
		List<Segment> segments = new ArrayList<>();
		List<Integer> current = new ArrayList<>();
		for (int i = 0; i < words.size(); i++) {
			Word word = words.get(i);
			if (!current.isEmpty()) {
				Word first = words.get(current.get(0));
				boolean otherSpeaker = !String.valueOf(word.speaker()).equals(String.valueOf(first.speaker()));
				if (otherSpeaker || word.end() - first.start() > maxSeconds) {
					segments.add(Segment.of(words, current));
					current = new ArrayList<>();
				}
			}
			current.add(i);
		}
		if (!current.isEmpty()) {
			segments.add(Segment.of(words, current));
		}
		return segments;
	}

	private MeetingTranscript transcript(Meeting meeting) {
		return this.store.load(meeting.getId(), meeting.getTranscriptLanguage(),
				meeting.getDurationSeconds() != null ? meeting.getDurationSeconds() : 0);
	}

	private Set<Integer> correctedWords(UUID meetingId) {
		return new HashSet<>(this.jdbc.sql("select distinct idx from word_corrections where meeting_id = ?")
			.param(meetingId)
			.query(Integer.class)
			.list());
	}

	private static Duration ttl(int minutes) {
		if (minutes < 1 || minutes > 24 * 60) {
			throw ApiException.badRequest("url-ttl", "urlTtlMinutes must be between 1 and 1440");
		}
		return Duration.ofMinutes(minutes);
	}

	/** The speaker's display name, or the label until someone names them. */
	private static String name(Map<String, String> names, String label) {
		String name = names.get(label);
		return (name != null) ? name : label;
	}

	private static double round(double seconds) {
		return Math.round(seconds * 1000) / 1000.0;
	}

	private static ResponseEntity<byte[]> download(String filename, StringBuilder body) {
		return ResponseEntity.ok()
			.contentType(JSONL)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.body(body.toString().getBytes(StandardCharsets.UTF_8));
	}

	record Segment(double start, double end, String speaker, String text, List<Integer> indices) {

		static Segment of(List<Word> words, List<Integer> indices) {
			Word first = words.get(indices.get(0));
			Word last = words.get(indices.get(indices.size() - 1));
			StringBuilder text = new StringBuilder();
			for (int i : indices) {
				text.append(text.isEmpty() ? "" : " ").append(words.get(i).text());
			}
			return new Segment(first.start(), last.end(), first.speaker(), text.toString(), List.copyOf(indices));
		}

	}

}
