package io.aigenda.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Turns a recording in some container into 16 kHz mono {@link Audio}. */
public interface AudioDecoder {

	/**
	 * Decodes the first audio track of a file.
	 * @throws AudioDecodingException when the file is not audio, has no audio track or is
	 * damaged beyond use
	 */
	Audio decode(Path file);

	/**
	 * Decodes the first audio track of a file into {@code pcm} on disk as 16 kHz mono
	 * float samples, for recordings too long to hold in memory. Closing the result
	 * deletes the file.
	 * @throws AudioDecodingException as {@link #decode(Path)}
	 */
	default PcmFile decodeToFile(Path file, Path pcm) {
		return PcmFile.write(decode(file), pcm);
	}

	/**
	 * Each channel of a two-channel recording as 16 kHz audio (left, right), for
	 * recordings with one speaker per channel; an empty list for any other number of
	 * channels or a decoder that cannot tell.
	 * @throws AudioDecodingException as {@link #decode(Path)}
	 */
	default List<Audio> decodeChannels(Path file) {
		return List.of();
	}

	/**
	 * {@link #decodeChannels(Path)} of a recording no longer than {@code maxSeconds}; an
	 * empty list for a longer one too. Decoders that can stop early hold no more than a
	 * second past the limit in memory.
	 * @throws AudioDecodingException as {@link #decode(Path)}
	 */
	default List<Audio> decodeChannels(Path file, double maxSeconds) {
		return withinLimit(decodeChannels(file), maxSeconds);
	}

	/** The channels, or none when they last longer than {@code maxSeconds}. */
	static List<Audio> withinLimit(List<Audio> channels, double maxSeconds) {
		return (channels.isEmpty() || channels.get(0).durationSeconds() > maxSeconds) ? List.of() : channels;
	}

	/**
	 * {@link #decodeToFile} into a new temporary file, deleted when the result is closed,
	 * or at once when decoding fails.
	 */
	default PcmFile decodeToTemporaryFile(Path file) {
		Path pcm;
		try {
			pcm = Files.createTempFile("aigenda-decoded-", ".f32");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No room on disk for the decoded recording: " + ex.getMessage(), ex);
		}
		try {
			return decodeToFile(file, pcm);
		}
		catch (RuntimeException ex) {
			pcm.toFile().delete();
			throw ex;
		}
	}

}
