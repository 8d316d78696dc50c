package io.aigenda.app.load;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Heap in use by the services' JVM, in bytes; negative when it cannot be read. */
@FunctionalInterface
public interface HeapGauge {

	long usedBytes();

	/** Frees what can be freed before a reading that should show only what is kept. */
	default void settle() {
	}

	/**
	 * This JVM, where the embedded platform runs every service: the heap memory pools
	 * summed (eden, survivor, old generation), as {@code MemoryMXBean} reports them.
	 */
	static HeapGauge inProcess() {
		return new HeapGauge() {

			@Override
			public long usedBytes() {
				long used = 0;
				for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
					if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
						used += pool.getUsage().getUsed();
					}
				}
				return used;
			}

			@Override
			public void settle() {
				// a full collection, so the reading shows what the services keep, not
				// garbage not yet collected
				ManagementFactory.getMemoryMXBean().gc();
			}

		};
	}

	/**
	 * A remote backend's JVM, from its Prometheus endpoint ({@code jvm_memory_used_bytes}
	 * of the heap areas); the other services' heaps are on their own scrape endpoints.
	 */
	static HeapGauge prometheus(URI backend) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		URI scrape = backend.resolve("/actuator/prometheus");
		return () -> {
			try {
				HttpResponse<String> response = http.send(
						HttpRequest.newBuilder(scrape).timeout(Duration.ofSeconds(10)).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200) {
					return -1;
				}
				return heapFromPrometheus(response.body());
			}
			catch (java.io.IOException ex) {
				return -1;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return -1;
			}
		};
	}

	/**
	 * Sums {@code jvm_memory_used_bytes{area="heap",...}} samples; -1 when there are
	 * none.
	 */
	static long heapFromPrometheus(String exposition) {
		double sum = 0;
		boolean found = false;
		for (String line : exposition.split("\n")) {
			if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
				sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				found = true;
			}
		}
		return found ? (long) sum : -1;
	}

}
