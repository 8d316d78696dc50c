package io.aigenda.app.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

import io.aigenda.audio.Audio;
import io.aigenda.audio.AudioDecoders;
import io.aigenda.audio.WavWriter;
import io.aigenda.contracts.DiarizationDocument;
import io.aigenda.diarization.Diarizer;

/**
 * {@code aigenda bench FILE --diarization-minutes N}: the default diarization path, as
 * the worker runs it (a recording file decoded to disk and read a stretch at a time), on
 * a long WAV made by looping a real recording. Prints the real-time factor and two memory
 * figures: the peak of the heap pools (garbage included, so it depends on how lazily the
 * collector runs) and the most heap still in use after any collection during the run
 * (what the work really holds). Run it for 10 and 60 minutes and compare; with
 * {@code JAVA_OPTS=-Xmx256m} it shows the work fits a fixed heap.
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
		Path looped = null;
		try {
			looped = Files.createTempFile("aigenda-bench-", ".wav");
			long samples = (long) minutes * 60 * clip.sampleRate();
			writeLooped(clip, samples, looped);
			try (Diarizer diarizer = Diarizer.withDefaults()) {
				// warm-up on the clip alone: model loading and JIT are not part of the
				// factor
				diarizer.diarize(clip, null, null);
				System.gc();
				resetPeaks();
				LiveHeap live = LiveHeap.watch();
				long started = System.nanoTime();
				DiarizationDocument document = diarizer.diarize(looped, null, null);
				double seconds = (System.nanoTime() - started) / 1e9;
				live.stop();
				out.printf(Locale.ROOT,
						"diarization (%s) of %d min (%s looped, %d MiB as 16 kHz float): %.1f s, real-time factor %.4f "
								+ "on %d cores; %d speakers; heap in use after collections at most %d MiB (%d collections), "
								+ "peak of heap pools %d MiB, maximum heap %d MiB%n",
						diarizer.engine(), minutes, file.getFileName(), samples * 4 >> 20, seconds,
						seconds / document.durationSeconds(), Runtime.getRuntime().availableProcessors(),
						document.speakers().size(), live.peakMiB(), live.collections(), peakHeapMiB(),
						Runtime.getRuntime().maxMemory() >> 20);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the looped recording: " + ex.getMessage(), ex);
		}
		finally {
			if (looped != null) {
				looped.toFile().delete();
			}
		}
	}

	/**
	 * A 16-bit mono WAV of {@code samples} samples, the clip repeated, written without
	 * holding it.
	 */
	static void writeLooped(Audio clip, long samples, Path target) throws IOException {
		byte[] header = WavWriter.header(clip.sampleRate(), samples * 2);
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
			out.write(header);
			float[] source = clip.samples();
			for (long written = 0; written < samples;) {
				int count = (int) Math.min(source.length, samples - written);
				WavWriter.writeSamples(source, 0, count, out);
				written += count;
			}
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

	/**
	 * The most heap in use right after a garbage collection, from the collectors'
	 * notifications.
	 */
	static final class LiveHeap {

		private final AtomicLong peak = new AtomicLong();

		private final AtomicLong collections = new AtomicLong();

		private final List<Runnable> removals = new ArrayList<>();

		static LiveHeap watch() {
			LiveHeap live = new LiveHeap();
			java.util.Set<String> heapPools = new java.util.HashSet<>();
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == MemoryType.HEAP) {
					heapPools.add(pool.getName());
				}
			}
			NotificationListener listener = (notification, handback) -> {
				if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
					GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
						.from((CompositeData) notification.getUserData());
					long used = 0;
					for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
						if (heapPools.contains(pool.getKey())) {
							used += pool.getValue().getUsed();
						}
					}
					live.peak.accumulateAndGet(used, Math::max);
					live.collections.incrementAndGet();
				}
			};
			for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
				if (collector instanceof NotificationEmitter emitter) {
					emitter.addNotificationListener(listener, null, null);
					live.removals.add(() -> {
						try {
							emitter.removeNotificationListener(listener);
						}
						catch (javax.management.ListenerNotFoundException ex) {
							// already gone
						}
					});
				}
			}
			return live;
		}

		void stop() {
			this.removals.forEach(Runnable::run);
		}

		long peakMiB() {
			return this.peak.get() >> 20;
		}

		long collections() {
			return this.collections.get();
		}

	}

}
