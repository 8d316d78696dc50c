package io.aigenda.recorder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * ffmpeg recording the sink's monitor as raw PCM (16-bit little-endian, 16 kHz, mono,
 * what the backend joins into the recording), cut into numbered chunks of a fixed length.
 * A chunk is complete once the next one exists, or once ffmpeg has ended.
 */
final class AudioCapture implements AutoCloseable {

	private final Process process;

	private final Path dir;

	private AudioCapture(Process process, Path dir) {
		this.process = process;
		this.dir = dir;
	}

	static AudioCapture start(String ffmpeg, PulseAudio pulse, Path dir, int chunkSeconds) throws IOException {
		Files.createDirectories(dir);
		ProcessBuilder builder = new ProcessBuilder(List.of(ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error",
				"-f", "pulse", "-i", PulseAudio.SINK + ".monitor", "-ac", "1", "-ar", "16000", "-c:a", "pcm_s16le",
				"-f", "segment", "-segment_time", Integer.toString(chunkSeconds), "-segment_format", "s16le",
				dir.resolve("chunk-%06d.pcm").toString()))
			.redirectErrorStream(true)
			.redirectOutput(dir.resolveSibling("ffmpeg.log").toFile());
		pulse.configure(builder);
		return new AudioCapture(builder.start(), dir);
	}

	/** Chunks on disk in order; the last one is still being written while ffmpeg runs. */
	List<Path> chunks() throws IOException {
		try (Stream<Path> files = Files.list(this.dir)) {
			return files.filter(p -> p.getFileName().toString().matches("chunk-\\d{6}\\.pcm")).sorted().toList();
		}
	}

	boolean running() {
		return this.process.isAlive();
	}

	static int sequence(Path chunk) {
		String name = chunk.getFileName().toString();
		return Integer.parseInt(name.substring(6, 12));
	}

	/** Root mean square of a chunk's samples (0 to 32768): how loud it was. */
	static double rms(byte[] pcm) {
		ByteBuffer samples = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
		long count = pcm.length / 2;
		if (count == 0) {
			return 0;
		}
		double sum = 0;
		for (long i = 0; i < count; i++) {
			double s = samples.getShort();
			sum += s * s;
		}
		return Math.sqrt(sum / count);
	}

	/** Stops ffmpeg so that it closes the last chunk properly. */
	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.toHandle().destroy(); // SIGTERM: ffmpeg finishes the file it
												// writes
			try {
				if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
					this.process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.process.destroyForcibly();
			}
		}
	}

}
