package io.aigenda.app.load;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.aigenda.app.CommonOptions;
import io.aigenda.app.SharedFolder;
import io.aigenda.app.platform.Platform;
import io.aigenda.contracts.Language;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aigenda load}: real recordings uploaded in parallel and a backlog of short clips
 * queued at once, against a running server or the platform started in this process;
 * prints what was processed, throughput, API latency percentiles, queue depths and heap.
 * Exits 1 when a meeting was not processed exactly once.
 */
@Command(name = "load",
		description = "Load test: parallel uploads and a queued backlog, until every meeting is processed.")
public class LoadCommand implements Callable<Integer> {

	@Option(names = "--uploads", defaultValue = "50", paramLabel = "N",
			description = "Real recordings uploaded at once (default: ${DEFAULT-VALUE}).")
	int uploads;

	@Option(names = "--meetings", defaultValue = "1000", paramLabel = "N",
			description = "Meetings of one short clip each, queued at once (default: ${DEFAULT-VALUE}).")
	int meetings;

	@Option(names = "--clip-seconds", defaultValue = "2", paramLabel = "S",
			description = "Length of each clip (default: ${DEFAULT-VALUE}).")
	double clipSeconds;

	@Option(names = "--parallel", defaultValue = "50", paramLabel = "N",
			description = "Clients creating and uploading at the same time (default: ${DEFAULT-VALUE}).")
	int parallel;

	@Option(names = "--poll-rate", defaultValue = "20", paramLabel = "PER_SECOND",
			description = "Status polls per second, all meetings together (default: ${DEFAULT-VALUE}).")
	double pollRate;

	@Option(names = "--timeout", defaultValue = "PT2H", paramLabel = "DURATION",
			description = "How long the backlog may take to drain (ISO-8601, default: ${DEFAULT-VALUE}).")
	Duration timeout;

	@Option(names = "--lang", defaultValue = "auto", paramLabel = "ru|en|auto",
			description = "The meetings' language (default: ${DEFAULT-VALUE}).")
	String language;

	@Option(names = "--recordings", paramLabel = "DIR",
			description = "Folder of real recordings (default: eval-dev of the shared folder).")
	Path recordings;

	@Option(names = { "--url", "--server" }, paramLabel = "URL",
			description = "A running AiGenda server instead of the platform started in this process.")
	URI url;

	@Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:AIGENDA_TOKEN}",
			description = "API token for --url (default: the AIGENDA_TOKEN environment variable).")
	String token;

	@Option(names = "--amqp", paramLabel = "URI",
			description = "The server's broker, amqp://user:password@host:port/vhost, to watch its queues.")
	URI amqp;

	@Option(names = "--namespace", defaultValue = "aigenda", paramLabel = "NAME",
			description = "The server's queue namespace, with --amqp (default: ${DEFAULT-VALUE}).")
	String namespace;

	@Mixin
	CommonOptions common;

	@Override
	public Integer call() throws Exception {
		Language lang = CommonOptions.language(this.language);
		Path folder = (this.recordings != null) ? this.recordings : SharedFolder.evalDev(".");
		if (!Files.isDirectory(folder)) {
			throw new IllegalArgumentException("No such folder: " + folder);
		}
		Path work = Files.createTempDirectory("aigenda-load");
		try {
			LoadDriver.Settings settings = new LoadDriver.Settings(this.uploads, this.meetings, this.clipSeconds,
					this.parallel, this.pollRate, this.timeout, lang, folder, work);
			LoadResult result = (this.url != null) ? againstServer(settings) : embedded(settings);
			result.print(System.out);
			return result.defects() == 0 ? 0 : 1;
		}
		finally {
			org.springframework.util.FileSystemUtils.deleteRecursively(work);
		}
	}

	private LoadResult againstServer(LoadDriver.Settings settings) throws InterruptedException {
		if (this.token == null || this.token.isBlank()) {
			throw new IllegalArgumentException("--url needs --token (or AIGENDA_TOKEN)");
		}
		try (QueueDepths queues = (this.amqp != null) ? QueueDepths.connect(this.amqp, this.namespace) : null) {
			return new LoadDriver(this.url, this.token, settings, HeapGauge.prometheus(this.url), queues, System.err)
				.run();
		}
	}

	private LoadResult embedded(LoadDriver.Settings settings) throws InterruptedException {
		try (Platform platform = this.common.startPlatformOnFreePort("load")) {
			Platform.BrokerAddress broker = platform.broker();
			try (QueueDepths queues = QueueDepths.connect(broker.host(), broker.port(), broker.username(),
					broker.password(), broker.virtualHost(), broker.namespace())) {
				return new LoadDriver(platform.backendUrl(), platform.adminToken(), settings, HeapGauge.inProcess(),
						queues, System.err)
					.run();
			}
		}
	}

}
