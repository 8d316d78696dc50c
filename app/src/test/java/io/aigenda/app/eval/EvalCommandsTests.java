package io.aigenda.app.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.aigenda.app.Console;
import io.aigenda.app.PlatformFiles;
import io.aigenda.contracts.MinutesSchema;
import io.aigenda.contracts.SpeakerTurn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EvalCommandsTests {

	@Test
	void asrEvaluationPrintsTheWordErrorRateOfEachFileAndOverall() {
		Console console = Console.run("eval", "asr", PlatformFiles.JFK.toString());

		assertThat(console.exitCode()).as(console.err()).isZero();
		assertThat(console.out()).contains("jfk.wav: WER").contains("overall: WER");
	}

	@Test
	void diarizationReferencesAreFoundWithTheirRecordingsAndScoredRegions() {
		List<EvalDiarizationCommand.Case> cases = EvalDiarizationCommand
			.cases(List.of(PlatformFiles.SHARED.resolve("eval-dev/diarization")));

		// the development set grows; these are there, in name order, whatever joins them
		assertThat(cases).extracting(EvalDiarizationCommand.Case::name)
			.containsSubsequence("ami_dev/dev00", "ami_dev/dev01", "pyannote_sample/sample")
			.isSorted();
		assertThat(byName(cases, "ami_dev/dev00").uem()).isNotEmpty();
		assertThat(byName(cases, "pyannote_sample/sample").uem()).isNull();
		assertThat(byName(cases, "pyannote_sample/sample").reference()).isNotEmpty();
	}

	@Test
	void diarizationEvaluationPrintsTheErrorRate() {
		Console console = Console.run("eval", "diarization",
				PlatformFiles.SHARED.resolve("eval-dev/diarization/pyannote_sample").toString());

		assertThat(console.exitCode()).as(console.err()).isZero();
		assertThat(console.out()).containsPattern("pyannote_sample/sample \\[default\\]: DER [0-9.]+% .*; JER [0-9.]+%")
			.containsPattern("pyannote_sample/sample \\[former default\\]: DER [0-9.]+% .*; JER [0-9.]+%")
			.containsPattern("pyannote_sample/sample \\[one speaker\\]: DER [0-9.]+% .*speakers 1 found")
			.containsPattern(
					"overall \\[default\\]: DER .*; outside overlap DER [0-9.]+%; JER [0-9.]+% over 1 recordings")
			.containsPattern("overall, held-out part \\[default\\]: DER .* over 1 recordings");
	}

	@Test
	void oneRecordingIsScoredAgainstOneRttmWithMissedFalseAlarmConfusionAndJer() {
		Console console = Console.run("eval", "diarization", "--audio", PlatformFiles.SAMPLE.toString(), "--rttm",
				PlatformFiles.SAMPLE.resolveSibling("sample.rttm").toString(), "--collar", "0.25");

		assertThat(console.exitCode()).as(console.err()).isZero();
		assertThat(console.out())
			.containsPattern("sample \\[default\\]: DER [0-9.]+% \\(missed [0-9.]+%, false alarm [0-9.]+%, "
					+ "confusion [0-9.]+%, scored [0-9.]+ s\\); outside overlap DER [0-9.]+%; JER [0-9.]+%; "
					+ "speakers \\d+ found, 2 in the reference")
			.contains("overall [default]: DER");
	}

	@Test
	void theRttmsOnlyFileIdIsUsedWhateverTheRecordingIsCalled(@TempDir Path folder) throws Exception {
		Path rttm = folder.resolve("ref.rttm");
		Files.writeString(rttm, "SPEAKER other 1 0.5 2.0 <NA> <NA> A <NA> <NA>\n");
		Path uem = folder.resolve("ref.uem");
		Files.writeString(uem, "other 1 0.0 3.0\n");

		EvalDiarizationCommand.Case single = EvalDiarizationCommand.single(PlatformFiles.SAMPLE, rttm, uem);

		assertThat(single.name()).isEqualTo("other");
		assertThat(single.reference()).hasSize(1);
		assertThat(single.uem()).hasSize(1);
		Files.writeString(rttm, "SPEAKER one 1 0 1 <NA> <NA> A <NA> <NA>\nSPEAKER two 1 0 1 <NA> <NA> B <NA> <NA>\n");
		Console console = Console.run("eval", "diarization", "--audio", PlatformFiles.SAMPLE.toString(), "--rttm",
				rttm.toString());
		assertThat(console.exitCode()).isEqualTo(1);
		assertThat(console.err()).contains("No turns for 'sample'").contains("[one, two]");
	}

	@Test
	void heldOutMixesJoinDifferentPeopleWithKnownBoundaries() {
		List<EvalDiarizationCommand.Case> mixes = HeldOutMixes.build(PlatformFiles.SHARED.resolve("eval-dev/asr"));

		assertThat(mixes).extracting(EvalDiarizationCommand.Case::name)
			.contains("held-out/jfk", "held-out/long_ru_60s_noref", "held-out/jfk+test_sound_ru",
					"held-out/jfk+long_ru_60s_noref+2412-153948-0000");
		assertThat(mixes).extracting(m -> m.reference().stream().map(SpeakerTurn::speaker).distinct().count())
			.containsExactly(1L, 1L, 1L, 1L, 2L, 2L, 2L, 2L, 3L, 3L, 1L, 2L);
		assertThat(mixes.get(10).name()).isEqualTo("held-out/long_ru_60s_noref x6");
		assertThat(mixes.get(10).samples().durationSeconds()).isGreaterThan(360);
		EvalDiarizationCommand.Case pair = mixes.get(4);
		double jfkSeconds = mixes.get(0).samples().durationSeconds();
		assertThat(pair.samples().durationSeconds())
			.isCloseTo(jfkSeconds + HeldOutMixes.GAP_SECONDS + mixes.get(2).samples().durationSeconds(), within(0.01));
		for (SpeakerTurn turn : pair.reference()) {
			if (turn.speaker().equals("jfk")) {
				assertThat(turn.end()).isLessThanOrEqualTo(jfkSeconds + 1e-6);
			}
			else {
				assertThat(turn.start()).isGreaterThanOrEqualTo(jfkSeconds + HeldOutMixes.GAP_SECONDS - 1e-6);
			}
		}
		// Built the same way every time.
		assertThat(HeldOutMixes.build(PlatformFiles.SHARED.resolve("eval-dev/asr")).get(8).reference())
			.isEqualTo(mixes.get(8).reference());
	}

	@Test
	void heldOutEvaluationPrintsErrorRatesAndSpeakerCounts() {
		Console console = Console.run("eval", "diarization", "--held-out");

		assertThat(console.exitCode()).as(console.err()).isZero();
		assertThat(console.out()).contains("ami_dev/dev00 [default]: DER")
			.contains("picovoice_leopard/diarization_test [default]: DER")
			.contains("\noverall [default]: DER")
			.containsPattern(
					"held-out/jfk \\[calibrated merge\\]: DER .*; JER .*; speakers 1 found, 1 in the reference")
			.containsPattern("held-out/test_sound_ru\\+2412-153948-0000\\+jfk \\[default\\]: DER "
					+ ".*speakers \\d+ found, 3 in the reference")
			// six minutes of one voice stay one speaker (the former default splits it)
			.containsPattern("held-out/long_ru_60s_noref x6 \\[default\\]: DER .*speakers 1 found, 1 in the reference")
			.containsPattern(
					"held-out overall \\[default\\]: DER .* over 12 recordings; speaker count right in \\d+ of 12");
	}

	@Test
	void syntheticMeetingsHaveExactReferencesAndTheirSpeakersAreCounted(@TempDir Path out) throws Exception {
		var pool = SyntheticMeetings.pool(PlatformFiles.SHARED.resolve("eval-dev"));
		assertThat(pool).hasSizeGreaterThanOrEqualTo(12);
		EvalDiarizationCommand.Case ten = SyntheticMeetings.build(pool, new SyntheticMeetings.Spec(10, 240, false), 7);
		assertThat(ten.reference().stream().map(SpeakerTurn::speaker).distinct().count()).isEqualTo(10);
		assertThat(ten.samples().durationSeconds()).isBetween(240.0, 252.0);
		// without overlap, turns follow one another
		for (int i = 1; i < ten.reference().size(); i++) {
			assertThat(ten.reference().get(i).start()).isGreaterThan(ten.reference().get(i - 1).end());
		}
		assertThat(SyntheticMeetings.build(pool, new SyntheticMeetings.Spec(10, 240, false), 7).reference())
			.isEqualTo(ten.reference());
		EvalDiarizationCommand.Case overlapped = SyntheticMeetings.build(pool, new SyntheticMeetings.Spec(3, 60, true),
				7);
		assertThat(EvalDiarizationCommand.outsideOverlap(overlapped.reference(), null, 70)).hasSizeGreaterThan(1);

		var defaults = io.aigenda.diarization.DiarizationProperties.defaults();
		// the default counts ten people (the cut alone finds two or three)
		try (var diarizer = io.aigenda.diarization.Diarizer.create(defaults)) {
			assertThat(diarizer.diarize(ten.samples(), null, null).speakers()).hasSizeBetween(8, 12);
		}
		try (var diarizer = io.aigenda.diarization.Diarizer
			.create(defaults.withClustering(defaults.clustering().calibrated()))) {
			assertThat(diarizer.diarize(ten.samples(), null, null).speakers()).hasSizeBetween(8, 12);
			EvalDiarizationCommand.Case one = SyntheticMeetings.build(pool, new SyntheticMeetings.Spec(1, 60, false),
					3);
			assertThat(diarizer.diarize(one.samples(), null, null).speakers()).hasSize(1);
		}
		SyntheticMeetings.write(List.of(overlapped), out);
		assertThat(out.resolve("03-speakers-60s-overlap-7.wav")).exists();
		assertThat(Files.readString(out.resolve("03-speakers-60s-overlap-7.rttm")))
			.startsWith("SPEAKER 03-speakers-60s-overlap-7 1 ");
	}

	@Test
	void topicEvaluationPrintsPkAndWindowDiffAndWritesTheBoundaries(@TempDir Path out) throws Exception {
		Path meeting = PlatformFiles.SHARED.resolve("eval-dev/topics/ES2004a.json");
		Console console = Console.run("eval", "topics", "--qmsum", meeting.toString(), "--segmenter", "lexical",
				"--out", out.toString());

		assertThat(console.exitCode()).as(console.err()).isZero();
		assertThat(console.out()).contains("ES2004a [no boundaries]: Pk 0.356")
			.containsPattern("ES2004a \\[uniform\\]: Pk 0\\.\\d{3}")
			.containsPattern("ES2004a \\[lexical\\]: Pk 0\\.\\d{3}, WindowDiff 0\\.\\d{3}")
			.contains("overall [lexical]");
		String written = Files.readString(out.resolve("ES2004a.json"));
		assertThat(written).startsWith("{\"meeting\":\"ES2004a\",\"segmenter\":\"lexical\",\"boundaries\":[");
	}

	@Test
	void minutesEvaluationPrintsRougeAndRecallAndWritesTheMinutes(@TempDir Path out) throws Exception {
		Path meetings = PlatformFiles.SHARED.resolve("eval-dev/summarization/ami_ES2002d.dialogstudio.json");
		Console console = Console.run("eval", "minutes", "--dialogstudio", meetings.toString(), "--out",
				out.toString());

		assertThat(console.exitCode()).as(console.err()).isZero();
		assertThat(console.out())
			.containsPattern(
					"ami/ES2002d \\[extractive\\]: ROUGE-1 0\\.\\d{3} \\(lead-N 0\\.\\d{3}, tf-idf 0\\.\\d{3}\\); "
							+ "\\d+ topics, \\d+ decisions, \\d+ action items; action recall n/a \\(0 gold\\), "
							+ "decision recall 0\\.\\d{3} \\(8 gold\\)")
			.containsPattern("overall +extractive +ROUGE-1 0\\.\\d{3}  ROUGE-2 0\\.\\d{3}  ROUGE-L 0\\.\\d{3}")
			.containsPattern("overall +lead-N +ROUGE-1")
			.containsPattern("overall +tf-idf +ROUGE-1");
		assertThat(MinutesSchema.validate(Files.readString(out.resolve("ES2002d.json")))).isEmpty();
	}

	@Test
	void folderWithoutReferencesIsOneLineError() {
		Console console = Console.run("eval", "diarization", PlatformFiles.SHARED.resolve("eval-dev/asr").toString());

		assertThat(console.exitCode()).isEqualTo(1);
		assertThat(console.err()).startsWith("aigenda: No .rttm reference").hasLineCount(1);
	}

	private static EvalDiarizationCommand.Case byName(List<EvalDiarizationCommand.Case> cases, String name) {
		return cases.stream().filter((c) -> c.name().equals(name)).findFirst().orElseThrow();
	}

}
