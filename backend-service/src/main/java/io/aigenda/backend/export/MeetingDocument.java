package io.aigenda.backend.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.Word;
import tools.jackson.databind.JsonNode;

/**
 * The meeting as a document for people: minutes first (summary, decisions, action items),
 * then the transcript in paragraphs under the speakers' names. Written as Markdown or as
 * a Word document (DOCX, plain WordprocessingML built here, since a few paragraph styles
 * need no library) or as a PDF ({@link MeetingPdf}). Every text uses each word's readable
 * form ({@link Word#readable()}).
 */
record MeetingDocument(String title, Language language, List<Block> blocks) {

	sealed interface Block permits Heading, Paragraph, Item, Turn {

	}

	record Heading(int level, String text) implements Block {
	}

	record Paragraph(String text) implements Block {
	}

	/** A list item; {@code done} is null for items that cannot be ticked off. */
	record Item(String text, Boolean done) implements Block {
	}

	record Turn(String speaker, double start, String text) implements Block {
	}

	static MeetingDocument of(String title, MeetingTranscript transcript, Map<String, String> names, JsonNode minutes) {
		boolean russian = transcript.language() == Language.RU;
		List<Block> blocks = new ArrayList<>();
		blocks.add(new Heading(1, title));
		if (minutes != null && !minutes.isNull()) {
			blocks.add(new Heading(2, russian ? "Краткое содержание" : "Summary"));
			blocks.add(new Paragraph(minutes.path("summary").asString("")));
			blocks.add(new Heading(2, russian ? "Решения" : "Decisions"));
			for (JsonNode decision : minutes.path("decisions")) {
				blocks.add(new Item(decision.path("text").asString(""), null));
			}
			if (minutes.path("decisions").isEmpty()) {
				// said in words, so an empty section does not read as a broken export
				blocks.add(new Paragraph(russian ? "Решения не найдены." : "No decisions recorded."));
			}
			blocks.add(new Heading(2, russian ? "Задачи" : "Action items"));
			for (JsonNode item : minutes.path("actionItems")) {
				StringBuilder text = new StringBuilder(item.path("text").asString(""));
				String owner = item.path("owner").asString(null);
				String due = item.path("due").asString(null);
				if (owner != null && !owner.isBlank()) {
					text.append(" — ").append(owner);
				}
				if (due != null && !due.isBlank()) {
					text.append(" (").append(russian ? "срок " : "due ").append(due).append(')');
				}
				blocks.add(new Item(text.toString(), item.path("done").asBoolean(false)));
			}
			if (minutes.path("actionItems").isEmpty()) {
				blocks.add(new Paragraph(russian ? "Задачи не найдены." : "No action items recorded."));
			}
		}
		blocks.add(new Heading(2, russian ? "Расшифровка" : "Transcript"));
		List<Word> paragraph = new ArrayList<>();
		List<Word> words = transcript.words() != null ? transcript.words() : List.of();
		for (Word word : words) {
			if (!paragraph.isEmpty() && !Objects.equals(paragraph.get(0).speaker(), word.speaker())) {
				blocks.add(turn(paragraph, names));
				paragraph.clear();
			}
			paragraph.add(word);
		}
		if (!paragraph.isEmpty()) {
			blocks.add(turn(paragraph, names));
		}
		return new MeetingDocument(title, transcript.language(), blocks);
	}

	private static Turn turn(List<Word> words, Map<String, String> names) {
		String label = words.get(0).speaker();
		String name = label == null ? "" : names.getOrDefault(label, label);
		return new Turn(name == null || name.isBlank() ? label : name, words.get(0).start(),
				TranscriptFormats.join(words));
	}

	byte[] pdf() {
		return MeetingPdf.render(this);
	}

	String markdown() {
		StringBuilder out = new StringBuilder();
		for (Block block : this.blocks) {
			switch (block) {
				case Heading h -> out.append("#".repeat(h.level())).append(' ').append(escape(h.text())).append("\n\n");
				case Paragraph p -> out.append(escape(p.text())).append("\n\n");
				case Item i -> out.append(i.done() == null ? "- " : (i.done() ? "- [x] " : "- [ ] "))
					.append(escape(i.text()))
					.append('\n');
				case Turn t -> out.append("**")
					.append(escape(t.speaker()))
					.append("** [")
					.append(clock(t.start()))
					.append("]: ")
					.append(escape(t.text()))
					.append("\n\n");
			}
		}
		return out.toString().replaceAll("(?m)^(- .*)\n(?!- )", "$1\n\n");
	}

	byte[] docx() {
		StringBuilder body = new StringBuilder();
		for (Block block : this.blocks) {
			switch (block) {
				case Heading h -> body.append(paragraph("Heading" + h.level(), run(h.text(), false)));
				case Paragraph p -> body.append(paragraph(null, run(p.text(), false)));
				case Item i -> body.append(paragraph("ListParagraph",
						run((i.done() == null ? "• " : (i.done() ? "☑ " : "☐ ")) + i.text(), false)));
				case Turn t -> body.append(paragraph(null,
						run(t.speaker() + " [" + clock(t.start()) + "]: ", true) + run(t.text(), false)));
			}
		}
		String lang = (this.language == Language.RU) ? "ru-RU" : "en-US";
		String document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
				+ "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body
				+ "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
				+ "<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\"/></w:sectPr></w:body></w:document>";
		String styles = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
				+ "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
				+ "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:cs=\"Calibri\"/>"
				+ "<w:sz w:val=\"22\"/><w:lang w:val=\"" + lang + "\"/></w:rPr></w:rPrDefault>"
				+ "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\"/></w:pPr></w:pPrDefault></w:docDefaults>"
				+ style("Heading1", "heading 1", 36) + style("Heading2", "heading 2", 28)
				+ "<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\"><w:name w:val=\"List Paragraph\"/>"
				+ "<w:pPr><w:ind w:left=\"360\"/><w:spacing w:after=\"40\"/></w:pPr></w:style></w:styles>";
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
					+ "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
					+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
					+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
					+ "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
					+ "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
					+ "</Types>");
			entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
					+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
					+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
					+ "</Relationships>");
			entry(zip, "word/_rels/document.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
					+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
					+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
					+ "</Relationships>");
			entry(zip, "word/document.xml", document);
			entry(zip, "word/styles.xml", styles);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static String style(String id, String name, int halfPoints) {
		return "<w:style w:type=\"paragraph\" w:styleId=\"" + id + "\"><w:name w:val=\"" + name + "\"/>"
				+ "<w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/></w:pPr>"
				+ "<w:rPr><w:b/><w:sz w:val=\"" + halfPoints + "\"/></w:rPr></w:style>";
	}

	private static String paragraph(String style, String runs) {
		String properties = style == null ? "" : "<w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>";
		return "<w:p>" + properties + runs + "</w:p>";
	}

	private static String run(String text, boolean bold) {
		return "<w:r>" + (bold ? "<w:rPr><w:b/></w:rPr>" : "") + "<w:t xml:space=\"preserve\">" + xml(text)
				+ "</w:t></w:r>";
	}

	private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	private static String xml(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				default -> {
					// characters XML 1.0 cannot carry are dropped
					if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

	/**
	 * Markdown's own characters are escaped so that a transcript never turns into markup.
	 */
	private static String escape(String text) {
		return text.replaceAll("([\\\\`*_\\[\\]#<>|])", "\\\\$1");
	}

	private static String clock(double seconds) {
		long whole = (long) Math.floor(Math.max(0, seconds));
		return String.format(Locale.ROOT, "%02d:%02d:%02d", whole / 3600, (whole / 60) % 60, whole % 60);
	}

}
