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

}
