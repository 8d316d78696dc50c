package io.aigenda.app.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints what the reliability tests recorded (faults injected and what became of the
 * meetings, bad inputs and the errors returned, isolation and security checks run and
 * passed, the load run's figures) when a test run ends, and keeps the same text in
 * {@code target/reliability/summary.txt}. Registered for every run of this module; silent
 * when no reliability test ran.
 */
public class ReliabilitySummary implements TestExecutionListener {

	@Override
	public void testPlanExecutionStarted(TestPlan testPlan) {
		try {
			if (Files.isDirectory(Report.DIR)) {
				try (var files = Files.list(Report.DIR)) {
					for (Path file : files.toList()) {
						Files.delete(file);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void testPlanExecutionFinished(TestPlan testPlan) {
		List<String> faults = rows(Report.FAULTS);
		List<String> badInputs = rows(Report.BAD_INPUTS);
		List<String> checks = rows(Report.CHECKS);
		List<String> load = rows(Report.LOAD);
		if (faults.isEmpty() && badInputs.isEmpty() && checks.isEmpty() && load.isEmpty()) {
			return;
		}
		StringBuilder out = new StringBuilder("\n=== Reliability and security summary ===\n");
		table(out, "Faults injected with meetings in flight",
				List.of("fault", "meetings", "finished", "lost", "duplicated"), faults);
		table(out, "Bad inputs and the error returned", List.of("input", "via", "status", "outcome"), badInputs);
		table(out, "Isolation and security checks", List.of("area", "checks run", "passed"), perArea(checks));
		table(out, "Load: parallel uploads and a queued backlog until every meeting is processed",
				List.of("measure", "value"), load);
		System.out.print(out);
		try {
			Files.writeString(Report.DIR.resolve("summary.txt"), out, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> perArea(List<String> checks) {
		Map<String, int[]> counts = new LinkedHashMap<>();
		for (String row : checks) {
			String[] cells = row.split("\t", -1);
			int[] count = counts.computeIfAbsent(cells[0], area -> new int[2]);
			count[0]++;
			if ("passed".equals(cells[2])) {
				count[1]++;
			}
		}
		List<String> rows = new ArrayList<>();
		counts.forEach((area, count) -> rows.add(area + "\t" + count[0] + "\t" + count[1]));
		return rows;
	}

	private static void table(StringBuilder out, String title, List<String> header, List<String> rows) {
		out.append('\n').append(title).append('\n');
		List<String[]> all = new ArrayList<>();
		all.add(header.toArray(String[]::new));
		rows.forEach(row -> all.add(row.split("\t", -1)));
		int[] widths = new int[header.size()];
		for (String[] row : all) {
			for (int i = 0; i < widths.length && i < row.length; i++) {
				widths[i] = Math.max(widths[i], Math.min(row[i].length(), 70));
			}
		}
		for (int r = 0; r < all.size(); r++) {
			String[] row = all.get(r);
			StringBuilder line = new StringBuilder("| ");
			for (int i = 0; i < widths.length; i++) {
				String cell = i < row.length ? row[i] : "";
				cell = cell.length() > 70 ? cell.substring(0, 67) + "..." : cell;
				line.append(String.format("%-" + widths[i] + "s", cell)).append(" | ");
			}
			out.append(line.toString().stripTrailing()).append('\n');
			if (r == 0) {
				StringBuilder rule = new StringBuilder("|");
				for (int width : widths) {
					rule.append("-".repeat(width + 2)).append('|');
				}
				out.append(rule).append('\n');
			}
		}
		if (rows.isEmpty()) {
			out.append("(none ran)\n");
		}
	}

	private static List<String> rows(String table) {
		Path file = Report.DIR.resolve(table + ".tsv");
		try {
			return Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
