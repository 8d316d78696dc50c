package io.aigenda.app.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One platform per data folder. The embedded PostgreSQL, the S3 objects and the
 * controller's store in a data folder belong to one running platform; a second one on the
 * same folder would fail half-way (its database would not start) or, on a shared broker,
 * take the first one's messages. The running platform holds an operating-system lock on
 * {@code platform.lock} (released when its process ends, however it ends) and says in
 * {@code platform.json} which command runs it and where its API answers, so a second
 * command can say so, or use it.
 */
public final class DataDirectory implements AutoCloseable {

	static final String LOCK_FILE = "platform.lock";

	static final String INFO_FILE = "platform.json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path folder;

	private final FileChannel channel;

	private final FileLock lock;

	private DataDirectory(Path folder, FileChannel channel, FileLock lock) {
		this.folder = folder;
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * Takes the folder for this platform.
	 * @throws InUseException when another platform runs on it
	 */
	public static DataDirectory acquire(Path folder, String command) {
		Path absolute = folder.toAbsolutePath().normalize();
		FileChannel channel = null;
		try {
			Files.createDirectories(absolute);
			channel = FileChannel.open(absolute.resolve(LOCK_FILE), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
			FileLock lock = tryLock(channel);
			if (lock == null) {
				channel.close();
				throw new InUseException(absolute, holder(absolute));
			}
			DataDirectory directory = new DataDirectory(absolute, channel, lock);
			directory.describe(new Holder(command, ProcessHandle.current().pid(), null, Instant.now()));
			return directory;
		}
		catch (IOException ex) {
			closeQuietly(channel);
			throw new UncheckedIOException("Cannot use the data folder " + absolute + ": " + ex.getMessage(), ex);
		}
	}

	private static FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			// held by another platform in this very JVM (tests run several)
			return null;
		}
	}

	/**
	 * What {@code platform.json} says about the platform running on {@code folder}, if
	 * anything.
	 */
	public static Optional<Holder> holder(Path folder) {
		Path file = folder.toAbsolutePath().normalize().resolve(INFO_FILE);
		try {
			return Optional.of(JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), Holder.class));
		}
		catch (IOException | JacksonException ex) {
			// not written yet, or being replaced: nothing known
			return Optional.empty();
		}
	}

	/** The folder, absolute. */
	public Path folder() {
		return this.folder;
	}

	/** Records where the API of the platform holding the folder answers, once it does. */
	void serving(URI apiUrl) {
		Holder before = holder(this.folder).orElseThrow();
		describe(new Holder(before.command(), before.pid(), apiUrl.toString(), before.startedAt()));
	}

	/**
	 * The broker namespace of a platform on this folder when none is configured: stable
	 * for the folder, so messages left in its queues are found again by the next run on
	 * it, and different for every other folder, so two platforms on one broker never take
	 * each other's messages.
	 */
	public static String namespaceFor(Path folder) {
		String path = folder.toAbsolutePath().normalize().toString();
		try {
			path = folder.toRealPath().toString();
		}
		catch (IOException ex) {
			// not created yet: the normalised absolute path names it as well
		}
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
				.digest(path.getBytes(StandardCharsets.UTF_8));
			return "aigenda-" + HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private void describe(Holder holder) {
		Path target = this.folder.resolve(INFO_FILE);
		try {
			Path written = Files.createTempFile(this.folder, "platform", ".json.tmp");
			Files.writeString(written, JSON.writeValueAsString(holder), StandardCharsets.UTF_8);
			// replaced in one step: a reader never sees half a file
			Files.move(written, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + target + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		try {
			Files.deleteIfExists(this.folder.resolve(INFO_FILE));
		}
		catch (IOException ex) {
			// the lock is what counts; a stale description names a process that no longer
			// holds it
		}
		try {
			this.lock.release();
		}
		catch (IOException ex) {
			// closing the channel releases it as well
		}
		closeQuietly(this.channel);
	}

	private static void closeQuietly(FileChannel channel) {
		if (channel == null) {
			return;
		}
		try {
			channel.close();
		}
		catch (IOException ex) {
			// nothing more to release
		}
	}

	/**
	 * The platform running on a data folder.
	 *
	 * @param command the command that started it: {@code serve}, {@code process}...
	 * @param apiUrl where its REST API answers; {@code null} while it is starting
	 */
	public record Holder(String command, long pid, String apiUrl, Instant startedAt) {

		/** A server others can send recordings to: {@code serve} once its API answers. */
		public boolean serves() {
			return "serve".equals(this.command) && this.apiUrl != null;
		}

		String describe() {
			return "aigenda " + this.command + " (pid " + this.pid + ")";
		}

	}

	/** Another platform runs on the data folder. */
	public static final class InUseException extends PlatformException {

		private final Path folder;

		private final transient Optional<Holder> holder;

		InUseException(Path folder, Optional<Holder> holder) {
			super("The data folder " + folder + " is in use by "
					+ holder.map(Holder::describe).orElse("another AiGenda platform")
					+ "; stop it, or give this one its own --data-dir");
			this.folder = folder;
			this.holder = holder;
		}

		public Path folder() {
			return this.folder;
		}

		public Optional<Holder> holder() {
			return this.holder;
		}

	}

}
