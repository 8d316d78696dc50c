package io.aigenda.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Decoded audio kept on disk as raw little-endian 32-bit float samples, read a stretch at
 * a time: an hour at 16 kHz is 230 MB, which the disk holds more cheaply than the heap.
 * Closing it deletes the file.
 */
public final class PcmFile implements AudioSource, AutoCloseable {

	private final Path file;

	private final int sampleRate;

	private final FileChannel channel;

	private final long length;

	public PcmFile(Path file, int sampleRate) {
		this.file = file;
		this.sampleRate = sampleRate;
		try {
			this.channel = FileChannel.open(file, StandardOpenOption.READ);
			this.length = this.channel.size() / Float.BYTES;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open decoded audio " + file, ex);
		}
	}

	/** Writes decoded audio to a file, for decoders that can only decode into memory. */
	public static PcmFile write(Audio audio, Path file) {
		ByteBuffer bytes = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
		try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			for (float sample : audio.samples()) {
				if (!bytes.hasRemaining()) {
					drain(bytes, out);
				}
				bytes.putFloat(sample);
			}
			drain(bytes, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write decoded audio to " + file, ex);
		}
		return new PcmFile(file, audio.sampleRate());
	}

	private static void drain(ByteBuffer bytes, FileChannel out) throws IOException {
		bytes.flip();
		while (bytes.hasRemaining()) {
			out.write(bytes);
		}
		bytes.clear();
	}

	@Override
	public int sampleRate() {
		return this.sampleRate;
	}

	@Override
	public long length() {
		return this.length;
	}

	@Override
	public Audio read(long from, int count) {
		long start = Math.max(0, Math.min(this.length, from));
		int n = (int) Math.max(0, Math.min(count, this.length - start));
		ByteBuffer bytes = ByteBuffer.allocate(n * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		try {
			long position = start * Float.BYTES;
			while (bytes.hasRemaining()) {
				int read = this.channel.read(bytes, position + bytes.position());
				if (read < 0) {
					throw new IOException("Decoded audio ends early");
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read decoded audio " + this.file, ex);
		}
		bytes.flip();
		float[] samples = new float[n];
		bytes.asFloatBuffer().get(samples);
		return new Audio(samples, this.sampleRate);
	}

	@Override
	public void close() {
		try {
			this.channel.close();
			Files.deleteIfExists(this.file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete decoded audio " + this.file, ex);
		}
	}

	@Override
	public String toString() {
		return "PcmFile[" + this.length + " samples, " + this.sampleRate + " Hz]";
	}

}
