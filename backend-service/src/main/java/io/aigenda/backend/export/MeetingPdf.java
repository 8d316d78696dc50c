package io.aigenda.backend.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.aigenda.contracts.Language;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The meeting document as an A4 PDF. The text is set in Liberation Sans, which PDFBox
 * itself ships, embedded as a subset: Latin and Cyrillic read the same on every machine
 * and the text can be searched and copied.
 */
final class MeetingPdf {

	private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

	private static final float MARGIN = 56;

	private static final float BODY = 10.5f;

	private static final float[] GREY = { 0.38f, 0.4f, 0.45f };

	private final PDDocument document = new PDDocument();

	private final PDType0Font font;

	private final Map<Integer, Boolean> printable = new HashMap<>();

	private PDPageContentStream page;

	private float y;

	private MeetingPdf() throws IOException {
		try (InputStream in = MeetingPdf.class.getResourceAsStream(FONT)) {
			if (in == null) {
				throw new IllegalStateException("PDFBox's Liberation Sans is missing from the classpath");
			}
			this.font = PDType0Font.load(this.document, in, true);
		}
	}

	static byte[] render(MeetingDocument meeting) {
		try {
			MeetingPdf pdf = new MeetingPdf();
			return pdf.write(meeting);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private byte[] write(MeetingDocument meeting) throws IOException {
		PDDocumentInformation info = this.document.getDocumentInformation();
		info.setTitle(clean(meeting.title()));
		info.setCreator("AiGenda");
		this.document.getDocumentCatalog().setLanguage(meeting.language() == Language.RU ? "ru-RU" : "en-US");
		newPage();
		for (MeetingDocument.Block block : meeting.blocks()) {
			switch (block) {
				case MeetingDocument.Heading h -> {
					float size = h.level() == 1 ? 18 : 14;
					space(h.level() == 1 ? 0 : 10);
					text(h.text(), size, 0, null);
					space(4);
				}
				case MeetingDocument.Paragraph p -> {
					text(p.text(), BODY, 0, null);
					space(6);
				}
				case MeetingDocument.Item i -> {
					String mark = i.done() == null ? "•  " : (i.done() ? "[x]  " : "[  ]  ");
					text(mark + i.text(), BODY, 12, null);
					space(2);
				}
				case MeetingDocument.Turn t -> {
					text(t.speaker() + "   " + clock(t.start()), 9, 0, GREY);
					text(t.text(), BODY, 0, null);
					space(6);
				}
			}
		}
		this.page.close();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.document.save(out);
		this.document.close();
		return out.toByteArray();
	}

	private void newPage() throws IOException {
		if (this.page != null) {
			this.page.close();
		}
		PDPage next = new PDPage(PDRectangle.A4);
		this.document.addPage(next);
		this.page = new PDPageContentStream(this.document, next);
		this.y = PDRectangle.A4.getHeight() - MARGIN;
	}

	private void space(float points) {
		this.y -= points;
	}

	/** Writes wrapped lines, starting a new page where the text reaches the margin. */
	private void text(String raw, float size, float indent, float[] colour) throws IOException {
		float width = PDRectangle.A4.getWidth() - 2 * MARGIN - indent;
		float leading = size * 1.35f;
		for (String line : wrap(clean(raw), size, width)) {
			if (this.y - leading < MARGIN) {
				newPage();
			}
			this.y -= leading;
			this.page.beginText();
			this.page.setFont(this.font, size);
			if (colour != null) {
				this.page.setNonStrokingColor(colour[0], colour[1], colour[2]);
			}
			else {
				this.page.setNonStrokingColor(0.07f, 0.08f, 0.1f);
			}
			this.page.newLineAtOffset(MARGIN + indent, this.y);
			this.page.showText(line);
			this.page.endText();
		}
	}

	private List<String> wrap(String text, float size, float width) throws IOException {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split(" +")) {
			String candidate = line.isEmpty() ? word : line + " " + word;
			if (!line.isEmpty() && this.font.getStringWidth(candidate) / 1000 * size > width) {
				lines.add(line.toString());
				line = new StringBuilder(word);
			}
			else {
				line = new StringBuilder(candidate);
			}
		}
		if (!line.isEmpty() || lines.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}

	/** Keeps the characters the font can draw; line breaks become spaces. */
	private String clean(String text) {
		StringBuilder out = new StringBuilder(text == null ? 0 : text.length());
		if (text == null) {
			return "";
		}
		text.codePoints().forEach(cp -> {
			if (Character.isWhitespace(cp)) {
				out.append(' ');
			}
			else if (this.printable.computeIfAbsent(cp, this::canDraw)) {
				out.appendCodePoint(cp);
			}
		});
		return out.toString().strip();
	}

	private boolean canDraw(int codePoint) {
		try {
			this.font.encode(new String(Character.toChars(codePoint)));
			return true;
		}
		catch (IOException | IllegalArgumentException ex) {
			return false;
		}
	}

	private static String clock(double seconds) {
		long whole = (long) Math.floor(Math.max(0, seconds));
		return String.format(Locale.ROOT, "%02d:%02d:%02d", whole / 3600, (whole / 60) % 60, whole % 60);
	}

}
