package io.aigenda.app.serve;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.aigenda.app.CommonOptions;
import io.aigenda.app.platform.Platform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aigenda serve}: every service in this process until Ctrl-C. */
@Command(name = "serve", description = "Start AiGenda (API, pipeline and workers) and keep it running.")
public class ServeCommand implements Callable<Integer> {

	@Option(names = "--port", defaultValue = "8080", description = "HTTP port of the API (default: ${DEFAULT-VALUE}).")
	int port;

	@Option(names = "--address", defaultValue = "127.0.0.1",
			description = "Interface to listen on; 0.0.0.0 for every one (default: ${DEFAULT-VALUE}).")
	String address;

	@Option(names = "--metrics-port", defaultValue = "9464",
			description = "Port of every service's metrics as one Prometheus target, /metrics on the same "
					+ "interface (default: ${DEFAULT-VALUE}; 0 picks a free one).")
	int metricsPort;

	@Mixin
	CommonOptions common;

	@Override
	public Integer call() throws InterruptedException {
		Map<String, Object> settings = this.common.platformSettings("serve");
		settings.put("aigenda.port", String.valueOf(this.port));
		settings.put("aigenda.address", this.address);
		settings.put("aigenda.metrics-port", String.valueOf(this.metricsPort));
		System.err.println("Starting AiGenda...");
		// the platform closes itself on Ctrl-C (its own shutdown hook)
		Platform platform = Platform.start(settings);
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> System.err.println("Stopping AiGenda..."), "aigenda-stopping"));
		platform.startupLog().forEach(line -> System.err.println("  " + line));
		System.out.println("AiGenda is running at " + platform.backendUrl());
		System.out.println("  API docs:  " + platform.backendUrl() + "/swagger-ui.html");
		System.out.println("  metrics:   " + platform.metricsUrl());
		System.out.println("  API token: " + platform.adminToken());
		System.out.println("  e.g. aigenda process --server " + platform.backendUrl() + " --token "
				+ platform.adminToken() + " meeting.wav");
		System.out.println("Press Ctrl-C to stop.");
		new CountDownLatch(1).await();
		return 0;
	}

}
