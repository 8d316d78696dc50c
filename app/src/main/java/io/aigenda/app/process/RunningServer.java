package io.aigenda.app.process;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.aigenda.app.client.BackendClient;
import io.aigenda.app.platform.DataDirectory;
import io.aigenda.app.platform.Platform;

/**
 * The {@code aigenda serve} that holds a data folder, found through the folder itself:
 * where its API answers and the administrator's token it keeps there. {@code process} on
 * the same folder sends its recordings to it instead of failing to start a second
 * platform.
 */
record RunningServer(URI url, long pid, String token) {

	/**
	 * Waits up to {@code patience} for the platform holding the folder to answer, if it
	 * is a {@code serve}; anything else holding the folder is the user's to resolve.
	 * @throws DataDirectory.InUseException the refusal itself, when no server is to be
	 * had
	 */
	static RunningServer await(DataDirectory.InUseException refusal, Duration patience) {
		long deadline = System.nanoTime() + patience.toNanos();
		while (true) {
			Optional<DataDirectory.Holder> holder = DataDirectory.holder(refusal.folder());
			if (holder.isEmpty() || !"serve".equals(holder.get().command())
					|| !ProcessHandle.of(holder.get().pid()).map(ProcessHandle::isAlive).orElse(false)) {
				throw refusal;
			}
			if (holder.get().serves()) {
				String token = Platform.storedAdminToken(refusal.folder()).orElseThrow(() -> refusal);
				return new RunningServer(URI.create(holder.get().apiUrl()), holder.get().pid(), token);
			}
			if (System.nanoTime() > deadline) {
				throw refusal;
			}
			sleep();
		}
	}

	BackendClient client() {
		return new BackendClient(this.url, this.token);
	}

	private static void sleep() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the running AiGenda server", ex);
		}
	}

}
