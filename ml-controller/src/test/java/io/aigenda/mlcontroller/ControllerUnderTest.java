package io.aigenda.mlcontroller;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.aigenda.messaging.Messages;
import io.aigenda.messaging.Topology;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Starts the ml-controller the way the launcher does (its own config file, settings
 * passed as high-precedence properties), against the real broker, so a test can stop and
 * start it again.
 */
public final class ControllerUnderTest implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final String namespace;

	private ControllerUnderTest(ConfigurableApplicationContext context, String namespace) {
		this.context = context;
		this.namespace = namespace;
	}

	public String namespace() {
		return this.namespace;
	}

	/**
	 * Test defaults: short deadlines and back-off, a fast scan; {@code overrides} win.
	 * Without a {@code jdbcUrl} the configuration file's H2 file database is used. With
	 * {@code server.port} among the overrides ({@code 0}: any free port) it serves its
	 * HTTP endpoints too.
	 */
	public static ControllerUnderTest start(String namespace, FakeBackend backend, String jdbcUrl, String username,
			Map<String, String> overrides) {
		Map<String, String> properties = new java.util.LinkedHashMap<>();
		properties.put("spring.config.name", MlControllerApplication.CONFIG_NAME);
		properties.put("aigenda.messaging.namespace", namespace);
		properties.put("aigenda.ml-controller.backend-url", backend.url());
		properties.put("aigenda.ml-controller.service-token", FakeBackend.SERVICE_TOKEN);
		properties.put("aigenda.ml-controller.scan-interval", "200ms");
		properties.put("aigenda.ml-controller.max-attempts", "3");
		properties.put("aigenda.ml-controller.deadlines.transcribe", "2s");
		properties.put("aigenda.ml-controller.deadlines.diarize", "60s");
		properties.put("aigenda.ml-controller.deadlines.write-minutes", "60s");
		// the tests play the workers and decide when an answer is late: flat deadlines,
		// but
		// for diarization, which grows by a second per second of a recording's known
		// length
		properties.put("aigenda.ml-controller.deadlines.per-audio-second.transcribe", "0");
		properties.put("aigenda.ml-controller.deadlines.per-audio-second.diarize", "1");
		properties.put("aigenda.ml-controller.deadlines.per-audio-second.write-minutes", "0");
		properties.put("aigenda.ml-controller.deadlines.assumed-audio", "0s");
		properties.put("aigenda.ml-controller.retry-backoff.transcribe", "300ms");
		properties.put("aigenda.ml-controller.retry-backoff.diarize", "300ms");
		properties.put("aigenda.ml-controller.retry-backoff.write-minutes", "300ms");
		if (jdbcUrl != null) {
			properties.put("spring.datasource.url", jdbcUrl);
			properties.put("spring.datasource.username", username);
		}
		properties.putAll(overrides);
		List<String> args = new ArrayList<>();
		properties.forEach((key, value) -> args.add("--" + key + "=" + value));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(MlControllerApplication.class)
			.web(overrides.containsKey("server.port") ? WebApplicationType.SERVLET : WebApplicationType.NONE)
			.run(args.toArray(String[]::new));
		return new ControllerUnderTest(context, namespace);
	}

	/** Where its HTTP endpoints are, when it serves them. */
	public java.net.URI url() {
		return java.net.URI
			.create("http://127.0.0.1:" + this.context.getEnvironment().getProperty("local.server.port"));
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	public TestBroker broker() {
		return new TestBroker(this.context.getBean(RabbitTemplate.class), topology());
	}

	public Messages messages() {
		return this.context.getBean(Messages.class);
	}

	public Topology topology() {
		return this.context.getBean(Topology.class);
	}

	public RabbitTemplate rabbitTemplate() {
		return this.context.getBean(RabbitTemplate.class);
	}

	public JdbcClient jdbc() {
		return this.context.getBean(JdbcClient.class);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
