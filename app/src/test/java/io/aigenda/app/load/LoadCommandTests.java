package io.aigenda.app.load;

import io.aigenda.app.Console;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mistakes in {@code aigenda load}'s options are one line, before anything is started.
 */
class LoadCommandTests {

	@Test
	void aServerWithoutATokenIsRefusedInOneLine() {
		Console console = Console.run("load", "--url", "http://127.0.0.1:9", "--token", "", "--meetings", "1");

		assertThat(console.exitCode()).isEqualTo(1);
		assertThat(console.err().strip()).isEqualTo("aigenda: --url needs --token (or AIGENDA_TOKEN)");
	}

	@Test
	void nothingToSendIsRefused() {
		Console console = Console.run("load", "--uploads", "0", "--meetings", "0", "--url", "http://127.0.0.1:9",
				"--token", "t");

		assertThat(console.exitCode()).isEqualTo(1);
		assertThat(console.err().strip()).startsWith("aigenda: --uploads and --meetings").hasLineCount(1);
	}

	@Test
	void anUnreachableServerIsOneLine() {
		Console console = Console.run("load", "--uploads", "1", "--meetings", "0", "--url", "http://127.0.0.1:9",
				"--token", "t");

		assertThat(console.exitCode()).isEqualTo(1);
		assertThat(console.err().strip().lines().reduce((a, b) -> b).orElse("")).startsWith("aigenda: ")
			.doesNotContain("Exception");
	}

}
