package io.aigenda.asr;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.aigenda.asr.eval.AsrEvaluation;
import io.aigenda.audio.Audio;
import io.aigenda.audio.AudioDecoders;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.Word;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signal path around the engine: loudness normalisation, chunks that cover speech
 * with a margin, and the platform against the bare engine on the eval-dev recordings.
 */
class SignalPathTests {

	private static Transcriber transcriber;

	@TempDir
	Path temp;

	@BeforeAll
	static void start() {
		transcriber = Transcriber.create(AsrProperties.defaults());
	}

	@AfterAll
	static void stop() {
		transcriber.close();
	}

	@Test
	void aCopyAtMinusSixtyDbfsGivesTheSameWordsAsTheOriginal() throws Exception {
		Path original = EvalDev.shared("eval-dev/asr/en/jfk.wav");
		Audio audio = AudioDecoders.detect().decode(original);
		float peak = 0;
		for (float sample : audio.samples()) {
			peak = Math.max(peak, Math.abs(sample));
		}
		// peak at -60 dBFS, stored as 32-bit float WAV: the level changes, nothing else
		float gain = (float) (Math.pow(10, -60 / 20.0) / peak);
		Path copy = this.temp.resolve("jfk-60dBFS.wav");
		writeFloatWav(audio, gain, copy);

		List<String> loud = words(transcriber.transcribe(original, Language.EN, ProgressListener.none()).words());
		List<String> soft = words(transcriber.transcribe(copy, Language.EN, ProgressListener.none()).words());

		assertThat(loud).hasSizeGreaterThan(15);
		assertThat(soft).isEqualTo(loud);
	}

	@Test
	void thePlatformIsNeverWorseThanTheBareEngineByMoreThanOneWord() throws Exception {
		// the containers' jfk.mp3 has jfk.txt as its reference; an 8 kHz mu-law telephone
		// copy of jfk.wav is the narrow-band case
		Path containers = Files.createDirectories(this.temp.resolve("containers"));
		Path reference = EvalDev.shared("eval-dev/asr/en/jfk.txt");
		Files.copy(EvalDev.shared("eval-dev/containers/jfk.mp3"), containers.resolve("jfk.mp3"));
		Files.copy(reference, containers.resolve("jfk.txt"));
		Path narrow = containers.resolve("jfk-8k-telephone.wav");
		Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-loglevel", "error", "-i",
				EvalDev.shared("eval-dev/asr/en/jfk.wav").toString(), "-ar", "8000", "-acodec", "pcm_mulaw",
				narrow.toString())
			.redirectErrorStream(true)
			.start();
		assertThat(ffmpeg.waitFor()).isZero();
		Files.copy(reference, containers.resolve("jfk-8k-telephone.txt"));
		// the two-speaker phone call, its reference the timed transcript's text in time
		// order
		Files.copy(EvalDev.shared("eval-dev/diarization/pyannote_sample/sample.wav"),
				containers.resolve("pyannote-sample.wav"));
		Files.writeString(containers.resolve("pyannote-sample.txt"),
				stmText(EvalDev.shared("eval-dev/diarization/pyannote_sample/sample.stm")));

		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		AsrEvaluation.Report report;
		try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
			report = new AsrEvaluation(transcriber, out)
				.evaluate(List.of(EvalDev.shared("eval-dev/asr/en"), containers), Language.EN);
		}
		System.out.print(printed.toString(StandardCharsets.UTF_8));
		assertThat(report.files()).hasSize(5);
		// every file of eval-dev's asr and containers sets; the phone call (diarization
		// data, two speakers talking over each other) counts in the overall figure
		assertThat(report.files()).filteredOn((file) -> !file.file().getFileName().toString().startsWith("pyannote"))
			.allSatisfy((file) -> assertThat(file.errors().errors()).as("errors on %s", file.file().getFileName())
				.isLessThanOrEqualTo(file.bareErrors().errors() + 1));
		assertThat(report.errors().errors()).isLessThanOrEqualTo(report.bareErrors().errors());
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("bare engine WER");
	}

	private static void writeFloatWav(Audio audio, float gain, Path file) throws java.io.IOException {
		float[] samples = audio.samples();
		java.nio.ByteBuffer wav = java.nio.ByteBuffer.allocate(44 + 4 * samples.length)
			.order(java.nio.ByteOrder.LITTLE_ENDIAN);
		wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 4 * samples.length);
		wav.put("WAVE".getBytes(StandardCharsets.US_ASCII)).put("fmt ".getBytes(StandardCharsets.US_ASCII));
		wav.putInt(16).putShort((short) 3).putShort((short) 1).putInt(audio.sampleRate());
		wav.putInt(4 * audio.sampleRate()).putShort((short) 4).putShort((short) 32);
		wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(4 * samples.length);
		for (float sample : samples) {
			wav.putFloat(sample * gain);
		}
		Files.write(file, wav.array());
	}

	/** The text of an STM transcript ({@code file channel speaker start end text}). */
	static String stmText(Path stm) throws java.io.IOException {
		record Line(double start, String text) {
		}
		return Files.readAllLines(stm)
			.stream()
			.filter((line) -> !line.isBlank() && !line.startsWith(";;"))
			.map((line) -> line.strip().split("\\s+", 6))
			.filter((fields) -> fields.length == 6)
			.map((fields) -> new Line(Double.parseDouble(fields[3]), fields[5]))
			.sorted(java.util.Comparator.comparingDouble(Line::start))
			.map(Line::text)
			.collect(java.util.stream.Collectors.joining(" "));
	}

	private static List<String> words(List<Word> words) {
		return words.stream().map(Word::text).toList();
	}

}
