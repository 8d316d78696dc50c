package io.aigenda.app.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import io.aigenda.app.CommonOptions;
import io.aigenda.app.client.BackendClient;
import io.aigenda.app.platform.Platform;
import io.aigenda.app.process.MeetingProcessor;
import io.aigenda.asr.AsrProperties;
import io.aigenda.asr.ProgressListener;
import io.aigenda.asr.Transcriber;
import io.aigenda.asr.Transcription;
import io.aigenda.audio.Audio;
import io.aigenda.contracts.DiarizationDocument;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.contracts.Word;
import io.aigenda.diarization.Diarizer;
import io.aigenda.llm.minutes.MinutesWriter;
import io.aigenda.llm.minutes.MinutesWriters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code aigenda bench FILE}: real-time factor of each step called directly, then of the
 * whole pipeline through the platform (messages, presigned transfers, database), and the
 * platform's overhead against the bare ASR engine on the same file. One warm-up run of
 * each is not counted.
 */
@Command(name = "bench", description = "Real-time factors of each step and of the whole platform on a recording.")
public class BenchCommand implements Callable<Integer> {

	@Parameters(paramLabel = "FILE", description = "A recording.")
	Path file;

	@Option(names = "--runs", defaultValue = "3",
			description = "Timed runs of each measurement (default: ${DEFAULT-VALUE}).")
	int runs;

	@Option(names = "--lang", defaultValue = "en", paramLabel = "ru|en|auto",
			description = "Spoken language (default: ${DEFAULT-VALUE}).")
	String language;

	@Option(names = "--skip-platform", description = "Measure the steps only, without starting the platform.")
	boolean skipPlatform;

	@Option(names = "--diarization-minutes", paramLabel = "MINUTES",
			description = "Only diarization: loop FILE to this many minutes, diarize it once and print the "
					+ "real-time factor and the peak heap.")
	Integer diarizationMinutes;

	@Option(names = "--loop-minutes", paramLabel = "MINUTES",
			description = "Loop FILE to this many minutes first (a long meeting from a short recording).")
	Integer loopMinutes;

	@Mixin
	CommonOptions common;

	/** The bare ASR engine on the whole decoded recording, seconds; measured once. */
	private double bareEngineSeconds;

	/** Processor time of the same, seconds. */
	private double bareEngineCpuSeconds;

	/** Processor time of the platform per run, seconds. */
	private Double platformCpuSeconds;

	@Override
	public Integer call() {
		if (!Files.isRegularFile(this.file)) {
			throw new IllegalArgumentException("No such file: " + this.file);
		}
		if (this.runs < 1) {
			throw new IllegalArgumentException("--runs must be at least 1");
		}
		if (this.diarizationMinutes != null) {
			DiarizationBench.run(this.file, this.diarizationMinutes, System.out);
			return 0;
		}
		Language language = CommonOptions.language(this.language);
		Path looped = null;
		if (this.loopMinutes != null) {
			looped = loop(this.file, this.loopMinutes);
			this.file = looped;
		}
		try {
			return measure(language);
		}
		finally {
			if (looped != null) {
				looped.toFile().delete();
			}
		}
	}

	/** The recording repeated to {@code minutes}, as a 16 kHz WAV file. */
	static Path loop(Path file, int minutes) {
		if (minutes < 1) {
			throw new IllegalArgumentException("--loop-minutes must be at least 1");
		}
		Audio audio = io.aigenda.audio.AudioDecoders.detect().decode(file);
		if (audio.samples().length == 0) {
			throw new IllegalArgumentException("No audio in " + file);
		}
		float[] looped = new float[minutes * 60 * audio.sampleRate()];
		for (int i = 0; i < looped.length; i += audio.samples().length) {
			System.arraycopy(audio.samples(), 0, looped, i, Math.min(audio.samples().length, looped.length - i));
		}
		try {
			Path target = Files.createTempFile("aigenda-bench-", ".wav");
			io.aigenda.audio.WavWriter.write(new Audio(looped, audio.sampleRate()), target);
			return target;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException("No room for the looped recording: " + ex.getMessage(), ex);
		}
	}

	private Integer measure(Language language) {
		System.err.println("Measuring each step directly...");
		StepTimes steps = measureSteps(language);
		Double platformSeconds = null;
		if (!this.skipPlatform) {
			System.err.println("Measuring the whole pipeline through the platform...");
			platformSeconds = measurePlatform(language);
		}
		print(steps, platformSeconds, System.out);
		return 0;
	}

	private StepTimes measureSteps(Language language) {
		List<StepTimes> measured = new ArrayList<>();
		try (Transcriber transcriber = Transcriber.create(AsrProperties.defaults());
				Diarizer diarizer = Diarizer.withDefaults()) {
			MinutesWriter writer = MinutesWriters.extractive();
			for (int run = 0; run <= this.runs; run++) {
				double cpu = cpuSeconds();
				Transcription transcription = transcriber.transcribeMeasured(this.file, language,
						ProgressListener.none());
				double asrCpu = cpuSeconds() - cpu;
				Audio audio = transcriber.decoder().decode(this.file);
				long started = System.nanoTime();
				cpu = cpuSeconds();
				DiarizationDocument diarization = diarizer.diarize(audio, null, null);
				double diarizationSeconds = secondsSince(started);
				double diarizationCpu = cpuSeconds() - cpu;
				MeetingTranscript joined = join(transcription, diarization);
				started = System.nanoTime();
				cpu = cpuSeconds();
				writer.write(joined);
				double minutesSeconds = secondsSince(started);
				double minutesCpu = cpuSeconds() - cpu;
				if (run == 1) {
					// the bare engine on the same decoded audio, whole, in one recogniser
					long engineStarted = System.nanoTime();
					cpu = cpuSeconds();
					transcriber.recognizer().recognize(audio, transcription.document().language());
					this.bareEngineSeconds = secondsSince(engineStarted);
					this.bareEngineCpuSeconds = cpuSeconds() - cpu;
				}
				if (run > 0) {
					measured
						.add(new StepTimes(transcription.document().durationSeconds(), transcription.decodeSeconds(),
								transcription.vadSeconds(), transcription.recognitionSeconds(), diarizationSeconds,
								minutesSeconds, asrCpu, diarizationCpu, minutesCpu));
				}
			}
		}
		return StepTimes.mean(measured);
	}

	/**
	 * Seconds from the end of the upload until the minutes are ready, averaged over the
	 * runs.
	 */
	private double measurePlatform(Language language) {
		Map<String, Object> settings = this.common.platformSettings("bench");
		settings.put("aigenda.port", "0");
		try (Platform platform = Platform.start(settings)) {
			BackendClient client = new BackendClient(platform.backendUrl(), platform.adminToken());
			Path out = this.common.dataDir.resolve("bench");
			MeetingProcessor processor = new MeetingProcessor(client, out,
					new PrintStream(new ByteArrayOutputStream(), true), false, Duration.ofHours(2));
			double total = 0;
			double cpu = 0;
			for (int run = 0; run <= this.runs; run++) {
				double cpuBefore = cpuSeconds();
				MeetingProcessor.Result result = processor.process(this.file, language);
				if (run > 0) {
					cpu += cpuSeconds() - cpuBefore;
				}
				if (!result.succeeded()) {
					throw new IllegalStateException(
							"The platform failed on " + this.file.getFileName() + ": " + result.failureReason());
				}
				if (run > 0) {
					total += result.processingSeconds();
				}
			}
			this.platformCpuSeconds = cpu / this.runs;
			return total / this.runs;
		}
	}

	/**
	 * Processor time of this JVM (every service of the platform runs in it), seconds. On
	 * a machine others share, wall time depends on their load; processor time much less.
	 */
	static double cpuSeconds() {
		if (java.lang.management.ManagementFactory
			.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime() / 1e9;
		}
		return Double.NaN;
	}

	/**
	 * Each word to the turn overlapping it most, as the ml-controller does, for the
	 * minutes step.
	 */
	static MeetingTranscript join(Transcription transcription, DiarizationDocument diarization) {
		List<Word> words = new ArrayList<>();
		for (Word word : transcription.document().words()) {
			String speaker = "S1";
			double best = 0;
			for (SpeakerTurn turn : diarization.turns()) {
				double overlap = turn.overlap(word.start(), word.end());
				if (overlap > best) {
					best = overlap;
					speaker = turn.speaker();
				}
			}
			words.add(word.withSpeaker(speaker));
		}
		List<String> speakers = diarization.speakers().isEmpty() ? List.of("S1") : diarization.speakers();
		return new MeetingTranscript(transcription.document().language(), transcription.document().durationSeconds(),
				speakers, words, diarization.turns());
	}

	void print(StepTimes steps, Double platformSeconds, PrintStream out) {
		double audio = steps.audioSeconds();
		Map<String, Double> rows = new LinkedHashMap<>();
		rows.put("decode", steps.decode());
		rows.put("VAD", steps.vad());
		rows.put("ASR engine", steps.recognition());
		rows.put("diarization", steps.diarization());
		rows.put("minutes", steps.minutes());
		rows.put("all steps, one after another", steps.total());
		if (platformSeconds != null) {
			rows.put("platform, upload to minutes", platformSeconds);
		}
		out.printf(Locale.ROOT, "%s: %.1f s of audio, mean of %d run(s) after one warm-up%n", this.file.getFileName(),
				audio, this.runs);
		Map<String, Double> cpu = new LinkedHashMap<>();
		cpu.put("ASR engine", steps.asrCpu());
		cpu.put("diarization", steps.diarizationCpu());
		cpu.put("minutes", steps.minutesCpu());
		cpu.put("all steps, one after another", steps.asrCpu() + steps.diarizationCpu() + steps.minutesCpu());
		if (this.platformCpuSeconds != null) {
			cpu.put("platform, upload to minutes", this.platformCpuSeconds);
		}
		int cores = Runtime.getRuntime().availableProcessors();
		out.printf(Locale.ROOT, "load average %.2f on %d cores (wall times depend on it; processor times much less)%n",
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), cores);
		out.printf(Locale.ROOT, "%-30s %10s %10s %10s %12s%n", "step", "seconds", "RTF", "CPU s/s",
				"CPU s/s / " + cores);
		rows.forEach((name, seconds) -> {
			Double processor = cpu.get(name);
			if (name.equals("ASR engine")) {
				// the processor time covers decoding and VAD as well
				out.printf(Locale.ROOT, "%-30s %10.3f %10.4f %10.4f %12.4f  (decode+VAD+ASR)%n", name, seconds,
						seconds / audio, processor / audio, processor / audio / cores);
			}
			else if (processor != null) {
				out.printf(Locale.ROOT, "%-30s %10.3f %10.4f %10.4f %12.4f%n", name, seconds, seconds / audio,
						processor / audio, processor / audio / cores);
			}
			else {
				out.printf(Locale.ROOT, "%-30s %10.3f %10.4f%n", name, seconds, seconds / audio);
			}
		});
		if (this.bareEngineSeconds > 0) {
			double asr = steps.decode() + steps.vad() + steps.recognition();
			out.printf(Locale.ROOT, "%-30s %10.3f %10.4f %10.4f%n", "bare ASR engine, whole file",
					this.bareEngineSeconds, this.bareEngineSeconds / audio, this.bareEngineCpuSeconds / audio);
			out.printf(Locale.ROOT, "%-30s %10s %9.2fx%n", "ASR step / bare ASR engine", "",
					asr / this.bareEngineSeconds);
		}
		if (platformSeconds != null) {
			// the bare engine: Transcriber on the same file (decode, VAD, recognition),
			// no platform
			double engine = steps.decode() + steps.vad() + steps.recognition();
			out.printf(Locale.ROOT, "%-30s %10s %10s%n", "overhead", "", "ratio");
			out.printf(Locale.ROOT, "%-30s %10s %9.2fx%n", "platform / bare ASR engine", "", platformSeconds / engine);
			out.printf(Locale.ROOT, "%-30s %10s %9.2fx%n", "platform / all steps", "", platformSeconds / steps.total());
		}
	}

	private static double secondsSince(long nanoTime) {
		return (System.nanoTime() - nanoTime) / 1e9;
	}

	record StepTimes(double audioSeconds, double decode, double vad, double recognition, double diarization,
			double minutes, double asrCpu, double diarizationCpu, double minutesCpu) {

		double total() {
			return this.decode + this.vad + this.recognition + this.diarization + this.minutes;
		}

		static StepTimes mean(List<StepTimes> all) {
			int n = all.size();
			return new StepTimes(all.get(0).audioSeconds(), all.stream().mapToDouble(StepTimes::decode).sum() / n,
					all.stream().mapToDouble(StepTimes::vad).sum() / n,
					all.stream().mapToDouble(StepTimes::recognition).sum() / n,
					all.stream().mapToDouble(StepTimes::diarization).sum() / n,
					all.stream().mapToDouble(StepTimes::minutes).sum() / n,
					all.stream().mapToDouble(StepTimes::asrCpu).sum() / n,
					all.stream().mapToDouble(StepTimes::diarizationCpu).sum() / n,
					all.stream().mapToDouble(StepTimes::minutesCpu).sum() / n);
		}

	}

}
