package io.aigenda.backend.export;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import io.aigenda.backend.auth.Account;
import io.aigenda.backend.meeting.Meeting;
import io.aigenda.backend.meeting.Meetings;
import io.aigenda.backend.problem.ApiException;
import io.aigenda.backend.transcript.TranscriptStore;
import io.aigenda.backend.transcript.TranscriptView;
import io.aigenda.contracts.MeetingTranscript;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads of a processed meeting as TXT, SRT, WebVTT, JSON (transcript and minutes),
 * Markdown, DOCX, PDF or RTTM. Every text export shows each word's readable form.
 */
@RestController
class ExportController {

	private final Meetings meetings;

	private final TranscriptStore store;

	private final JsonMapper json;

	ExportController(Meetings meetings, TranscriptStore store, JsonMapper json) {
		this.meetings = meetings;
		this.store = store;
		this.json = json;
	}

	@GetMapping("/api/v1/meetings/{meetingId}/export")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal Account account, @PathVariable UUID meetingId,
			@RequestParam(defaultValue = "txt") String format) {
		Format chosen = Format.of(format);
		Meeting meeting = this.meetings.processed(account.organisationId(), meetingId);
		MeetingTranscript transcript = this.store.load(meetingId, meeting.getTranscriptLanguage(),
				meeting.getDurationSeconds() != null ? meeting.getDurationSeconds() : 0);
		MeetingTranscript named = withNames(transcript, this.store.speakerNames(meetingId));
		byte[] body = switch (chosen) {
			case TXT -> utf8(TranscriptFormats.txt(named));
			case SRT -> utf8(TranscriptFormats.srt(named));
			case VTT -> utf8(TranscriptFormats.vtt(named));
			case JSON -> utf8(json(meetingId, transcript));
			case MD -> utf8(document(meeting, named).markdown());
			case DOCX -> document(meeting, named).docx();
			case PDF -> document(meeting, named).pdf();
			case RTTM -> utf8(TranscriptFormats.rttm(baseName(meeting), transcript));
		};
		String filename = baseName(meeting) + "." + chosen.extension;
		return ResponseEntity.ok()
			.contentType(chosen.mediaType)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.body(body);
	}

	private MeetingDocument document(Meeting meeting, MeetingTranscript transcript) {
		JsonNode minutes = this.store.minutesJson(meeting.getId()).map(this.json::readTree).orElse(null);
		return MeetingDocument.of(meeting.getTitle(), transcript, this.store.speakerNames(meeting.getId()), minutes);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private String json(UUID meetingId, MeetingTranscript transcript) {
		ObjectNode root = this.json.createObjectNode();
		root.set("transcript",
				this.json.valueToTree(TranscriptView.of(transcript, this.store.speakerNames(meetingId))));
		JsonNode minutes = this.store.minutesJson(meetingId).map(this.json::readTree).orElse(null);
		root.set("minutes", minutes);
		return this.json.writeValueAsString(root);
	}

	/**
	 * Text exports show a speaker's name where a user (or a voiceprint) gave one, else
	 * the label.
	 */
	private static MeetingTranscript withNames(MeetingTranscript transcript, java.util.Map<String, String> names) {
		java.util.List<io.aigenda.contracts.Word> words = transcript.words()
			.stream()
			.map(w -> names.get(w.speaker()) != null ? w.withSpeaker(names.get(w.speaker())) : w)
			.toList();
		return new MeetingTranscript(transcript.language(), transcript.durationSeconds(), transcript.speakers(), words,
				transcript.turns());
	}

	/**
	 * A file name from the title: letters (any script), digits, dashes; the id when
	 * nothing is left.
	 */
	private static String baseName(Meeting meeting) {
		String cleaned = meeting.getTitle()
			.strip()
			.replaceAll("[^\\p{L}\\p{N}._ -]", "")
			.replaceAll("\\s+", "-")
			.toLowerCase(Locale.ROOT);
		if (cleaned.isBlank() || cleaned.startsWith(".")) {
			return meeting.getId().toString();
		}
		return cleaned.length() > 100 ? cleaned.substring(0, 100) : cleaned;
	}

	enum Format {

		TXT("txt", new MediaType("text", "plain", StandardCharsets.UTF_8)),
		SRT("srt", new MediaType("application", "x-subrip", StandardCharsets.UTF_8)),
		VTT("vtt", new MediaType("text", "vtt", StandardCharsets.UTF_8)), JSON("json", MediaType.APPLICATION_JSON),
		MD("md", new MediaType("text", "markdown", StandardCharsets.UTF_8)),
		DOCX("docx",
				MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document")),
		PDF("pdf", MediaType.APPLICATION_PDF), RTTM("rttm", new MediaType("text", "plain", StandardCharsets.UTF_8));

		final String extension;

		final MediaType mediaType;

		Format(String extension, MediaType mediaType) {
			this.extension = extension;
			this.mediaType = mediaType;
		}

		static Format of(String name) {
			for (Format format : values()) {
				if (format.extension.equalsIgnoreCase(name)) {
					return format;
				}
			}
			throw ApiException.badRequest("unsupported-format",
					"Unknown export format '" + name + "' (use txt, srt, vtt, json, md, docx, pdf or rttm)");
		}

	}

}
