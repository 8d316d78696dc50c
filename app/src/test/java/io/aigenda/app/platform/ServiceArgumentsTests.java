package io.aigenda.app.platform;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceArgumentsTests {

	private final PlatformProperties properties = Platform.bind(
			Map.of("aigenda.data-dir", "/var/lib/aigenda", "aigenda.messaging.namespace", "ns1", "aigenda.port", "0"),
			Map.of());

	private final Connections connections = new Connections(
			new Connections.Database("jdbc:postgresql://127.0.0.1:5432/aigenda", "postgres", "pw", "db"),
			new Connections.Broker("127.0.0.1", 5673, "guest", "guest", "/", true, "qpid"),
			new Connections.S3("http://127.0.0.1:9999", "us-east-1", "AK", "SK", "aigenda", "s3"));

	private List<String> arguments(Service service) {
		return ServiceArguments.of(service, this.properties, this.connections, URI.create("http://127.0.0.1:8123"),
				"svc_token", "agk_admin");
	}

	@Test
	void onlyTheBackendGetsDatabaseAndStorageCredentials() {
		assertThat(arguments(Service.BACKEND)).contains(
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/aigenda", "--aigenda.s3.secret-key=SK",
				"--aigenda.s3.access-key=AK", "--aigenda.backend.service-token=svc_token",
				"--aigenda.backend.bootstrap.api-token=agk_admin", "--server.port=0",
				"--spring.main.web-application-type=servlet");
		for (Service service : List.of(Service.ASR_WORKER, Service.DIARIZATION_WORKER, Service.LLM_WORKER,
				Service.MEETING_CONTROLLER)) {
			assertThat(arguments(service)).as(service.displayName())
				.noneMatch(arg -> arg.startsWith("--spring.datasource") || arg.startsWith("--aigenda.s3")
						|| arg.contains("SK") || arg.contains("agk_admin"));
		}
		for (Service service : List.of(Service.ASR_WORKER, Service.DIARIZATION_WORKER, Service.LLM_WORKER)) {
			assertThat(arguments(service)).as(service.displayName())
				.contains("--spring.main.web-application-type=none");
		}
		// the ml-controller answers the backend's search questions on loopback only
		assertThat(arguments(Service.ML_CONTROLLER)).contains("--spring.main.web-application-type=servlet",
				"--server.address=127.0.0.1");
		// the meeting-controller answers recorders' heartbeats on loopback only
		assertThat(arguments(Service.MEETING_CONTROLLER)).contains("--spring.main.web-application-type=servlet",
				"--server.address=127.0.0.1", "--aigenda.meeting-controller.backend-url=http://127.0.0.1:8123",
				"--aigenda.meeting-controller.service-token=svc_token");
	}

	@Test
	void everyServiceUsesItsOwnConfigFileAndTheSameBroker() {
		for (Service service : Service.values()) {
			assertThat(arguments(service)).contains("--spring.config.name=" + service.configName(),
					"--spring.rabbitmq.port=5673", "--aigenda.messaging.namespace=ns1",
					"--aigenda.messaging.broker=qpid");
		}
	}

	@Test
	void theControllerReachesTheBackendWithTheServiceToken() {
		assertThat(arguments(Service.ML_CONTROLLER)).contains(
				"--aigenda.ml-controller.backend-url=http://127.0.0.1:8123",
				"--aigenda.ml-controller.service-token=svc_token", "--aigenda.data-dir=/var/lib/aigenda");
	}

	@Test
	void mlControllerServesSearchOnTheLoopbackPortTheBackendAsks() {
		List<String> controller = ServiceArguments.of(Service.ML_CONTROLLER, this.properties, this.connections,
				URI.create("http://127.0.0.1:8123"), "svc_token", "agk_admin", 45123);
		List<String> backend = ServiceArguments.of(Service.BACKEND, this.properties, this.connections,
				URI.create("http://127.0.0.1:8123"), "svc_token", "agk_admin", 45123);

		assertThat(controller)
			.contains("--spring.main.web-application-type=servlet", "--server.address=127.0.0.1", "--server.port=45123")
			.noneMatch(arg -> arg.startsWith("--spring.datasource") || arg.startsWith("--aigenda.s3"));
		assertThat(backend).contains("--aigenda.backend.search.ml-controller-url=http://127.0.0.1:45123");
	}

	@Test
	void workersGoWithoutDatabaseJpaFlywayAndSecurity() {
		String exclusions = arguments(Service.ASR_WORKER).stream()
			.filter(arg -> arg.startsWith("--spring.autoconfigure.exclude="))
			.findFirst()
			.orElseThrow();
		assertThat(exclusions).contains("DataSourceAutoConfiguration", "HibernateJpaAutoConfiguration",
				"FlywayAutoConfiguration", "SecurityAutoConfiguration");
		String controller = arguments(Service.ML_CONTROLLER).stream()
			.filter(arg -> arg.startsWith("--spring.autoconfigure.exclude="))
			.findFirst()
			.orElseThrow();
		assertThat(controller).contains("HibernateJpaAutoConfiguration")
			.doesNotContain("DataSourceAutoConfiguration", "FlywayAutoConfiguration");
		assertThat(arguments(Service.BACKEND)).noneMatch(arg -> arg.startsWith("--spring.autoconfigure.exclude"));
	}

	@Test
	void platformSettingsBindFromTheEnvironmentSpelling() {
		PlatformProperties bound = Platform.bind(Map.of(),
				Map.of("AIGENDA_DATABASE_URL", "jdbc:postgresql://db:5432/x", "AIGENDA_BROKER_EMBEDDED", "true"));

		assertThat(bound.database().url()).isEqualTo("jdbc:postgresql://db:5432/x");
		assertThat(bound.broker().embedded()).isTrue();
		assertThat(bound.broker().port()).isEqualTo(5672);
		assertThat(bound.namespace()).isEqualTo(DataDirectory.namespaceFor(Path.of("data")));
		assertThat(bound.port()).isEqualTo(8080);
	}

	@Test
	void theQueuesOfAPlatformBelongToItsDataFolderUnlessANamespaceOrVirtualHostIsChosen() {
		PlatformProperties defaults = Platform.bind(Map.of("aigenda.data-dir", "/srv/a/data"), Map.of());
		PlatformProperties elsewhere = Platform.bind(Map.of("aigenda.data-dir", "/srv/b/data"), Map.of());
		PlatformProperties again = Platform.bind(Map.of("aigenda.data-dir", "/srv/a/../a/data"), Map.of());

		assertThat(defaults.namespace()).matches("aigenda-[0-9a-f]{8}")
			.isNotEqualTo(elsewhere.namespace())
			.isEqualTo(again.namespace());
		assertThat(Platform.bind(Map.of(), Map.of("AIGENDA_MESSAGING_NAMESPACE", "team-a")).namespace())
			.isEqualTo("team-a");
		assertThat(Platform.bind(Map.of(), Map.of("AIGENDA_BROKER_VIRTUAL_HOST", "aigenda-prod")).namespace())
			.isEqualTo("aigenda");
	}

}
