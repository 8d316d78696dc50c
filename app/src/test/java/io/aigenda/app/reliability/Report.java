package io.aigenda.app.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What the reliability tests tried and what came of it, one tab-separated row per attempt
 * in {@code target/reliability/}; {@link ReliabilitySummary} prints the tables when the
 * run ends.
 */
final class Report {

	static final Path DIR = Path.of("target", "reliability");

	/** Faults injected with meetings in flight: what happened to those meetings. */
	static final String FAULTS = "faults";

	/** Bad inputs sent to the API and the error each got. */
	static final String BAD_INPUTS = "bad-inputs";

	/** Isolation and edge-security checks: one row per check, passed or not. */
	static final String CHECKS = "checks";

	/** Load runs: one row per measure (meetings, throughput, latency, queues, heap). */
	static final String LOAD = "load";

	private Report() {
	}

	static void fault(String fault, int meetings, int finished, int lost, int duplicated) {
		append(FAULTS, fault, String.valueOf(meetings), String.valueOf(finished), String.valueOf(lost),
				String.valueOf(duplicated));
	}

	static void load(String measure, String value) {
		append(LOAD, measure, value);
	}

	static void badInput(String input, String via, int status, String outcome) {
		append(BAD_INPUTS, input, via, String.valueOf(status), outcome);
	}

	/** Runs one check and records whether it held; a failure is recorded, then thrown. */
	static void check(String area, String check, ThrowingRunnable body) throws Exception {
		boolean passed = false;
		try {
			body.run();
			passed = true;
		}
		finally {
			append(CHECKS, area, check, passed ? "passed" : "FAILED");
		}
	}

	static synchronized void append(String table, String... cells) {
		String line = Arrays.stream(cells)
			.map(cell -> cell == null ? "" : cell.replaceAll("[\\t\\r\\n]+", " "))
			.collect(Collectors.joining("\t")) + "\n";
		try {
			Files.createDirectories(DIR);
			Files.writeString(DIR.resolve(table + ".tsv"), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@FunctionalInterface
	interface ThrowingRunnable {

		void run() throws Exception;

	}

}
