package io.aigenda.recorder;

import java.time.Instant;

/**
 * One line per event on standard error; the provider keeps it (a log file, the server's
 * console).
 */
final class Log {

	private Log() {
	}

	static void info(String format, Object... args) {
		System.err.println(Instant.now() + " recorder: " + String.format(format, args));
	}

}
