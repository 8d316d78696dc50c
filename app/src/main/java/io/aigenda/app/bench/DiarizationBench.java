package io.aigenda.app.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;

import io.aigenda.audio.Audio;
import io.aigenda.audio.AudioDecoders;
import io.aigenda.contracts.DiarizationDocument;
import io.aigenda.diarization.Diarizer;

/**
 * {@code aigenda bench FILE --diarization-minutes N}: the default diarization path on a long
 * recording made by looping a real one, with its real-time factor and the peak heap, so memory
 * growth with meeting length is visible (run it for 10 and 60 minutes and compare).
 */
final class DiarizationBench {

	private DiarizationBench() {
	}

	static void run(Path file, int minutes, PrintStream out) {
		if (minutes < 1 || minutes > 600) {
			throw new IllegalArgumentException("--diarization-minutes must be between 1 and 600");
		}
		Audio clip = AudioDecoders.detect().decode(file);
		if (clip.samples().length == 0) {
			throw new IllegalArgumentException(file + " holds no audio");
		}
		float[] samples = new float[Math.multiplyExact(minutes * 60, clip.sampleRate())];
		for (int offset = 0; offset < samples.length; offset += clip.samples().length) {
			System.arraycopy(clip.samples(), 0, samples, offset, Math.min(clip.samples().length, samples.length - offset));
		}
		Audio audio = new Audio(samples, clip.sampleRate());
		try (Diarizer diarizer = Diarizer.withDefaults()) {
			// warm-up on the clip alone: model loading and JIT are not part of the factor
			diarizer.diarize(clip, null, null);
			System.gc();
			resetPeaks();
			long started = System.nanoTime();
			DiarizationDocument document = diarizer.diarize(audio, null, null);
			double seconds = (System.nanoTime() - started) / 1e9;
			out.printf(Locale.ROOT,
					"diarization (%s) of %d min (%s looped): %.1f s, real-time factor %.4f on %d cores; "
							+ "%d speakers; peak heap %d MiB (audio itself %d MiB)%n",
					diarizer.engine(), minutes, file.getFileName(), seconds, seconds / audio.durationSeconds(),
					Runtime.getRuntime().availableProcessors(), document.speakers().size(), peakHeapMiB(),
					samples.length * 4L >> 20);
		}
	}

	private static void resetPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			pool.resetPeakUsage();
		}
	}

	private static long peakHeapMiB() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak >> 20;
	}

}
