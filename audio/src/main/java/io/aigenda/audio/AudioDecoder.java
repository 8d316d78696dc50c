package io.aigenda.audio;

import java.nio.file.Path;

/** Turns a recording in some container into 16 kHz mono {@link Audio}. */
public interface AudioDecoder {

	/**
	 * Decodes the first audio track of a file.
	 * @throws AudioDecodingException when the file is not audio, has no audio track or is
	 * damaged beyond use
	 */
	Audio decode(Path file);

	/**
	 * Decodes the first audio track of a file into {@code pcm} on disk as 16 kHz mono float
	 * samples, for recordings too long to hold in memory. Closing the result deletes the file.
	 * @throws AudioDecodingException as {@link #decode(Path)}
	 */
	default PcmFile decodeToFile(Path file, Path pcm) {
		return PcmFile.write(decode(file), pcm);
	}

}
