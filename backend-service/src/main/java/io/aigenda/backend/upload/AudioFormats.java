package io.aigenda.backend.upload;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Recognises audio and video containers by their first bytes. The file name and the
 * declared content type say nothing reliable, so only the content decides.
 */
final class AudioFormats {

	/** Bytes needed to recognise every format below. */
	static final int HEAD_BYTES = 64;

	private AudioFormats() {
	}

	/** The content type of a recognised container. */
	static Optional<String> sniff(byte[] head) {
		if (head.length < 4) {
			return Optional.empty();
		}
		if ((ascii(head, 0, "RIFF") || ascii(head, 0, "RF64")) && ascii(head, 8, "WAVE")) {
			return Optional.of("audio/wav");
		}
		if (ascii(head, 0, "fLaC")) {
			return Optional.of("audio/flac");
		}
		if (ascii(head, 0, "ID3")) {
			return Optional.of("audio/mpeg");
		}
		if (ascii(head, 0, "OggS")) {
			return Optional.of("audio/ogg");
		}
		if (ascii(head, 4, "ftyp")) {
			return Optional.of(ascii(head, 8, "M4A ") ? "audio/mp4" : "video/mp4");
		}
		if (ascii(head, 4, "moov") || ascii(head, 4, "mdat") || ascii(head, 4, "wide")) {
			return Optional.of("video/quicktime");
		}
		if ((head[0] & 0xFF) == 0x1A && (head[1] & 0xFF) == 0x45 && (head[2] & 0xFF) == 0xDF
				&& (head[3] & 0xFF) == 0xA3) {
			return Optional.of("video/webm");
		}
		if (ascii(head, 0, "FORM") && (ascii(head, 8, "AIFF") || ascii(head, 8, "AIFC"))) {
			return Optional.of("audio/aiff");
		}
		if (ascii(head, 0, "#!AMR")) {
			return Optional.of("audio/amr");
		}
		if (ascii(head, 0, "caff")) {
			return Optional.of("audio/x-caf");
		}
		if ((head[0] & 0xFF) == 0x30 && (head[1] & 0xFF) == 0x26 && (head[2] & 0xFF) == 0xB2
				&& (head[3] & 0xFF) == 0x75) {
			return Optional.of("audio/x-ms-wma");
		}
		if ((head[0] & 0xFF) == 0xFF && (head[1] & 0xF6) == 0xF0) {
			// ADTS: AAC frames with layer bits 00.
			return Optional.of("audio/aac");
		}
		if ((head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x06) != 0) {
			// MPEG audio frame sync with a valid layer.
			return Optional.of("audio/mpeg");
		}
		return Optional.empty();
	}

	private static boolean ascii(byte[] head, int offset, String text) {
		byte[] expected = text.getBytes(StandardCharsets.US_ASCII);
		if (head.length < offset + expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if (head[offset + i] != expected[i]) {
				return false;
			}
		}
		return true;
	}

}
