package io.aigenda.app.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.aigenda.app.Console;
import io.aigenda.app.PlatformFiles;
import io.aigenda.contracts.MinutesSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

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

		assertThat(cases).extracting(EvalDiarizationCommand.Case::name)
			.containsExactly("ami_dev/dev00", "ami_dev/dev01", "pyannote_sample/sample");
		assertThat(cases.get(0).uem()).isNotEmpty();
		assertThat(cases.get(2).uem()).isNull();
		assertThat(cases.get(2).reference()).isNotEmpty();
	}

	@Test
	void diarizationEvaluationPrintsTheErrorRate() {
		Console console = Console.run("eval", "diarization",
				PlatformFiles.SHARED.resolve("eval-dev/diarization/pyannote_sample").toString());

		assertThat(console.exitCode()).as(console.err()).isZero();
		assertThat(console.out()).contains("pyannote_sample/sample: DER").contains("overall: DER");
	}

	@Test
	void topicEvaluationPrintsPkAndWindowDiffAndWritesTheBoundaries(@TempDir Path out) throws Exception {
		Path meeting = PlatformFiles.SHARED.resolve("eval-dev/topics/ES2004a.json");
		Console console = Console.run("eval", "topics", "--qmsum", meeting.toString(), "--segmenter", "lexical",
				"--out", out.toString());

		assertThat(console.exitCode()).as(console.err()).isZero();
		assertThat(console.out()).contains("ES2004a [no boundaries]: Pk 0.356")
			.containsPattern("ES2004a \\[lexical\\]: Pk 0\\.\\d{3}, WindowDiff 0\\.\\d{3}")
			.contains("overall [lexical]");
		String written = Files.readString(out.resolve("ES2004a.json"));
		assertThat(written).startsWith("{\"meeting\":\"ES2004a\",\"segmenter\":\"lexical\",\"boundaries\":[");
	}

	@Test
	void minutesEvaluationPrintsRougeAndRecallAndWritesTheMinutes(@TempDir Path out) throws Exception {
		Path meetings = PlatformFiles.SHARED.resolve("eval-dev/summarization/ami_ES2002d.dialogstudio.json");
		Console console = Console.run("eval", "minutes", "--dialogstudio", meetings.toString(), "--out", out.toString());

		assertThat(console.exitCode()).as(console.err()).isZero();
		assertThat(console.out())
			.containsPattern("ES2002d \\[extractive\\]: ROUGE-1 0\\.\\d{3}, ROUGE-2 0\\.\\d{3}, ROUGE-L 0\\.\\d{3}; "
					+ "action recall n/a \\(0 gold, \\d+ found items\\); decision recall 0\\.\\d{3} \\(8 gold\\)")
			.contains("overall: ROUGE-1");
		assertThat(MinutesSchema.validate(Files.readString(out.resolve("ES2002d.json")))).isEmpty();
	}

	@Test
	void folderWithoutReferencesIsOneLineError() {
		Console console = Console.run("eval", "diarization", PlatformFiles.SHARED.resolve("eval-dev/asr").toString());

		assertThat(console.exitCode()).isEqualTo(1);
		assertThat(console.err()).startsWith("aigenda: No .rttm reference").hasLineCount(1);
	}

}
