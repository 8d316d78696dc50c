package io.aigenda.diarization.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.aigenda.contracts.DiarizationDocument;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.diarization.DiarizationProperties;
import io.aigenda.diarization.Diarizer;

/**
 * Diarizes recordings and scores them against an RTTM reference: the DER command.
 * {@code DiarizationEvaluation --reference ref.rttm [--uem ref.uem] [--collar 0.25] audio...};
 * each recording's file id in the RTTM is its file name without the extension.
 */
public final class DiarizationEvaluation {

	private DiarizationEvaluation() {
	}

	public static void main(String[] args) {
		Path reference = null;
		Path uem = null;
		double collar = DiarizationErrorRate.DEFAULT_COLLAR;
		List<Path> recordings = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--reference" -> reference = Path.of(args[++i]);
				case "--uem" -> uem = Path.of(args[++i]);
				case "--collar" -> collar = Double.parseDouble(args[++i]);
				default -> recordings.add(Path.of(args[i]));
			}
		}
		if (reference == null || recordings.isEmpty()) {
			System.err
				.println("Usage: DiarizationEvaluation --reference ref.rttm [--uem ref.uem] [--collar 0.25] audio...");
			System.exit(2);
		}
		try (Diarizer diarizer = Diarizer.create(DiarizationProperties.defaults())) {
			System.out.println(evaluate(diarizer, reference, uem, collar, recordings));
		}
	}

	/** One line per recording and a pooled line, DER over all scored time. */
	public static String evaluate(Diarizer diarizer, Path reference, Path uem, double collar, List<Path> recordings) {
		Map<String, List<SpeakerTurn>> references = RttmFiles.read(reference);
		Map<String, List<TimeSpan>> spans = uem != null ? RttmFiles.readUem(uem) : Map.of();
		DiarizationErrorRate scorer = new DiarizationErrorRate(collar);
		StringBuilder report = new StringBuilder();
		DerResult pooled = new DerResult(0, 0, 0, 0, Map.of());
		for (Path recording : recordings) {
			String name = recording.getFileName().toString();
			String id = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
			List<SpeakerTurn> truth = references.get(id);
			if (truth == null) {
				throw new IllegalArgumentException("No reference turns for '" + id + "' in " + reference);
			}
			DiarizationDocument document = diarizer.diarize(recording, null, null);
			DerResult result = scorer.compute(truth, document.turns(), spans.get(id));
			pooled = pooled.plus(result);
			report.append(String.format(Locale.ROOT, "%s: %s, %d speakers (reference %d)%n", id, result,
					document.speakers().size(), truth.stream().map(SpeakerTurn::speaker).distinct().count()));
		}
		report.append(String.format(Locale.ROOT, "pooled (collar %.2f s): %s", collar, pooled));
		return report.toString();
	}

}
