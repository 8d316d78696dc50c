package io.aigenda.app.process;

import java.io.PrintStream;
import java.util.Locale;

import io.aigenda.app.client.MeetingStatus;

/**
 * Shows a meeting's progress on one line, redrawn in place on a terminal; elsewhere
 * (logs, CI) a line is printed only when the state or the tenth of progress changes.
 */
final class ProgressBar {

	private static final int WIDTH = 30;

	private final PrintStream out;

	private final String name;

	private final boolean terminal;

	private String lastLine = "";

	ProgressBar(PrintStream out, String name, boolean terminal) {
		this.out = out;
		this.name = name;
		this.terminal = terminal;
	}

	void update(MeetingStatus status) {
		double fraction = status.overallFraction();
		String step = status.progress()
			.stream()
			.filter(p -> p.fraction() < 1)
			.map(p -> p.step().toLowerCase(Locale.ROOT).replace('_', ' '))
			.findFirst()
			.orElse(status.state().toLowerCase(Locale.ROOT));
		// a stall says more than the step's name: "waiting for the diarization worker: no
		// progress for 2 min"
		step = status.stalled().orElse(step);
		if (this.terminal) {
			int filled = (int) Math.round(fraction * WIDTH);
			String line = String.format(Locale.ROOT, "\r%s [%s%s] %3d%% %-20s", this.name, "#".repeat(filled),
					"-".repeat(WIDTH - filled), Math.round(fraction * 100), step);
			// a shorter line must not leave the end of a longer one on the screen
			line = line + " ".repeat(Math.max(0, this.lastLine.length() - line.length()));
			if (!line.equals(this.lastLine)) {
				this.out.print(line);
				this.out.flush();
				this.lastLine = line;
			}
		}
		else {
			String line = String.format(Locale.ROOT, "%s: %s %d%%", this.name, step, (int) (fraction * 10) * 10);
			if (!line.equals(this.lastLine)) {
				this.out.println(line);
				this.lastLine = line;
			}
		}
	}

	void finish() {
		if (this.terminal && !this.lastLine.isEmpty()) {
			this.out.print("\r" + " ".repeat(this.lastLine.length()) + "\r");
			this.out.flush();
		}
	}

}
