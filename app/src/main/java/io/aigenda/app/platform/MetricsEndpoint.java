package io.aigenda.app.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * One Prometheus scrape target for every service of a one-JVM platform, so the Grafana
 * dashboards built for a cluster (one target per service, told apart by the {@code job}
 * label) work against a one-machine install as well. Each service keeps its own meter
 * registry, as in its own container; this endpoint scrapes them all and labels each
 * series with its service's {@code job}, merging the families that several services share
 * (every JVM meter, for one) so each family is announced once. Scrape it with
 * {@code honor_labels: true} ({@code deploy/prometheus/one-machine.yml}).
 */
final class MetricsEndpoint implements AutoCloseable {

	static final String PATH = "/metrics";

	private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

	private final HttpServer server;

	private MetricsEndpoint(HttpServer server) {
		this.server = server;
	}

	/**
	 * Serves on {@code address:port} (port 0: any free one).
	 * @param registries each service's registry by its job name, looked up at every
	 * scrape (a restarted service has a new one)
	 */
	static MetricsEndpoint start(String address, int port, Supplier<Map<String, PrometheusMeterRegistry>> registries) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
			server.createContext(PATH, (exchange) -> respond(exchange, registries));
			server
				.setExecutor(Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("metrics").factory()));
			server.start();
			return new MetricsEndpoint(server);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot serve metrics on " + address + ":" + port + " (" + ex.getMessage()
					+ "); choose --metrics-port", ex);
		}
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	private static void respond(HttpExchange exchange, Supplier<Map<String, PrometheusMeterRegistry>> registries)
			throws IOException {
		try (exchange) {
			if (!"GET".equals(exchange.getRequestMethod())) {
				exchange.sendResponseHeaders(405, -1);
				return;
			}
			Map<String, String> scrapes = new LinkedHashMap<>();
			registries.get().forEach((job, registry) -> scrapes.put(job, registry.scrape()));
			byte[] body = merge(scrapes).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	/**
	 * Prometheus text exposition of several services as one: each sample gets its
	 * service's {@code job} label, and the samples of a family are kept together under
	 * one HELP and TYPE line, as the format requires.
	 */
	static String merge(Map<String, String> scrapesByJob) {
		Map<String, Family> families = new LinkedHashMap<>();
		scrapesByJob.forEach((job, scrape) -> {
			Family current = null;
			for (String line : scrape.split("\n")) {
				if (line.isBlank()) {
					continue;
				}
				if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
					String name = line.substring(7).split(" ", 2)[0];
					current = families.computeIfAbsent(name, (key) -> new Family());
					current.header(line);
				}
				else if (!line.startsWith("#")) {
					if (current == null) {
						current = families.computeIfAbsent(metricName(line), (key) -> new Family());
					}
					current.samples.append(withJob(line, job)).append('\n');
				}
			}
		});
		StringBuilder out = new StringBuilder();
		families.values().forEach((family) -> family.writeTo(out));
		return out.toString();
	}

	private static String metricName(String sample) {
		int end = 0;
		while (end < sample.length() && sample.charAt(end) != '{' && sample.charAt(end) != ' ') {
			end++;
		}
		return sample.substring(0, end);
	}

	private static String withJob(String sample, String job) {
		String label = "job=\"" + job + "\"";
		String name = metricName(sample);
		String rest = sample.substring(name.length());
		if (rest.startsWith("{}")) {
			return name + "{" + label + "}" + rest.substring(2);
		}
		if (rest.startsWith("{")) {
			return name + "{" + label + "," + rest.substring(1);
		}
		return name + "{" + label + "}" + rest;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private static final class Family {

		private String help;

		private String type;

		private final StringBuilder samples = new StringBuilder();

		void header(String line) {
			if (line.startsWith("# HELP ") && this.help == null) {
				this.help = line;
			}
			else if (line.startsWith("# TYPE ") && this.type == null) {
				this.type = line;
			}
		}

		void writeTo(StringBuilder out) {
			if (this.help != null) {
				out.append(this.help).append('\n');
			}
			if (this.type != null) {
				out.append(this.type).append('\n');
			}
			out.append(this.samples);
		}

	}

}
