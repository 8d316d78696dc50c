package io.aigenda.backend.export;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.Word;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class MeetingDocumentTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final MeetingTranscript TRANSCRIPT = new MeetingTranscript(Language.EN, 4.0, List.of("S0", "S1"),
			List.of(new Word(0.0, 0.4, "Ship", 0.9, "S0"), new Word(0.5, 0.9, "it", 0.9, "S0"),
					new Word(0.9, 1.0, ".", 0.9, "S0"), new Word(62.0, 62.5, "Agreed", 0.9, "S1"),
					new Word(62.6, 63.0, "<now>", 0.9, "S1")),
			List.of());

	private static final String MINUTES = """
			{"language":"en","engine":"test","summary":"We ship *today*.","topics":[],
			 "decisions":[{"text":"Release on Monday"}],
			 "actionItems":[{"text":"Tag the release","owner":"Anna","due":"2026-12-01","done":true},
			                {"text":"Write notes","owner":null,"due":null}],
			 "warnings":[]}""";

	private static MeetingDocument document() {
		Map<String, String> names = new HashMap<>();
		names.put("S0", "Anna");
		names.put("S1", null);
		return MeetingDocument.of("Release & planning", TRANSCRIPT, names, JSON.readTree(MINUTES));
	}

	@Test
	void markdownHasMinutesThenTheTranscriptUnderSpeakerNames() {
		String markdown = document().markdown();

		assertThat(markdown).startsWith("# Release & planning\n\n## Summary\n\nWe ship \\*today\\*.\n\n## Decisions\n\n"
				+ "- Release on Monday\n\n## Action items\n\n- [x] Tag the release — Anna (due 2026-12-01)\n"
				+ "- [ ] Write notes\n\n## Transcript\n\n");
		assertThat(markdown).contains("**Anna** [00:00:00]: Ship it.\n\n**S1** [00:01:02]: Agreed \\<now\\>\n");
	}

	@Test
	void minutesWithoutDecisionsOrActionItemsSaySoInEveryFormat() throws Exception {
		String none = """
				{"language":"ru","engine":"test","summary":"Обсудили план.","topics":[],"decisions":[],
				 "actionItems":[],"warnings":[],"decisionsFound":false,"actionItemsFound":false}""";
		MeetingTranscript russian = new MeetingTranscript(Language.RU, 4.0, List.of("S0"),
				List.of(new Word(0.0, 0.4, "План", 0.9, "S0")), List.of());
		MeetingDocument ru = MeetingDocument.of("Планёрка", russian, Map.of(), JSON.readTree(none));
		MeetingDocument en = MeetingDocument.of("Planning", TRANSCRIPT, Map.of(),
				JSON.readTree(none.replace("\"ru\"", "\"en\"")));

		assertThat(ru.markdown()).contains("## Решения\n\nРешения не найдены.\n\n## Задачи\n\nЗадачи не найдены.\n");
		assertThat(en.markdown())
			.contains("## Decisions\n\nNo decisions recorded.\n\n## Action items\n\nNo action items recorded.\n");
		String docx = "";
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(ru.docx()))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.getName().equals("word/document.xml")) {
					docx = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
		}
		assertThat(docx).contains("Решения не найдены.", "Задачи не найдены.");
		assertThat(document().markdown()).doesNotContain("No decisions recorded", "No action items recorded");
	}

	@Test
	void docxIsAWordPackageWithWellFormedXmlAndTheText() throws Exception {
		byte[] docx = document().docx();

		Map<String, String> entries = new HashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		assertThat(entries).containsKeys("[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
				"word/_rels/document.xml.rels");
		var factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		for (String xml : entries.values()) {
			factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
		}
		Document document = factory.newDocumentBuilder()
			.parse(new ByteArrayInputStream(entries.get("word/document.xml").getBytes(StandardCharsets.UTF_8)));
		String text = document.getDocumentElement().getTextContent();
		assertThat(text).contains("Release & planning", "☑ Tag the release — Anna", "☐ Write notes",
				"Anna [00:00:00]: Ship it.", "S1 [00:01:02]: Agreed <now>");
	}

	@Test
	void pdfHoldsTheMinutesAndTranscriptAsSearchableText() throws Exception {
		byte[] pdf = document().pdf();

		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (PDDocument parsed = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(parsed);
			assertThat(parsed.getDocumentInformation().getTitle()).isEqualTo("Release & planning");
			assertThat(text).contains("Release & planning", "Summary", "We ship *today*.", "Release on Monday",
					"[x] Tag the release — Anna (due 2026-12-01)", "Ship it.", "Agreed <now>");
		}
	}

	@Test
	void pdfWrapsLongRussianTextOverPages() throws Exception {
		List<Word> words = new java.util.ArrayList<>();
		for (int i = 0; i < 3000; i++) {
			words.add(new Word(i, i + 0.5, "слово", 0.9, i % 200 < 100 ? "S1" : "S2", i % 10 == 9 ? "слово." : null));
		}
		MeetingTranscript russian = new MeetingTranscript(Language.RU, 3000, List.of("S1", "S2"), words, List.of());

		byte[] pdf = MeetingDocument.of("Планёрка", russian, Map.of("S1", "Ирина"), null).pdf();

		try (PDDocument parsed = Loader.loadPDF(pdf)) {
			assertThat(parsed.getNumberOfPages()).isGreaterThan(3);
			String text = new PDFTextStripper().getText(parsed);
			assertThat(text).contains("Планёрка", "Расшифровка", "Ирина", "слово слово.");
			assertThat(text.split("слово", -1).length - 1).isEqualTo(3000);
		}
	}

	@Test
	void everyDocumentUsesEachWordsReadableForm() {
		MeetingTranscript transcript = new MeetingTranscript(
				Language.EN, 2, List.of("S0"), List.of(new Word(0, 0.4, "meet", 0.9, "S0", "Meet"),
						new Word(0.5, 0.9, "in", 0.9, "S0"), new Word(1.0, 1.4, "chicago", 0.9, "S0", "Chicago.")),
				List.of());

		MeetingDocument document = MeetingDocument.of("Trip", transcript, Map.of(), null);

		assertThat(document.markdown()).contains("Meet in Chicago.");
		assertThat(TranscriptFormats.txt(transcript)).contains("S0: Meet in Chicago.");
		assertThat(TranscriptFormats.srt(transcript)).contains("[S0] Meet in Chicago.");
		assertThat(TranscriptFormats.vtt(transcript)).contains("[S0] Meet in Chicago.");
	}

}
