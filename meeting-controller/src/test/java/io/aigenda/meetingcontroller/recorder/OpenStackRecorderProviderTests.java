package io.aigenda.meetingcontroller.recorder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The OpenStack provider against Keystone v3 and Nova v2.1 as WireMock plays them, with
 * the response bodies, status codes and headers of the real APIs
 * (src/test/resources/openstack).
 */
class OpenStackRecorderProviderTests {

	private static final String SERVER = "/compute/v2.1/servers/f5dc173b-6804-445a-a6d8-c705dad5b5eb";

	private final UUID bot = UUID.randomUUID();

	private WireMockServer cloud;

	private OpenStackRecorderProvider provider;

	@BeforeEach
	void startCloud() {
		this.cloud = new WireMockServer(options().dynamicPort());
		this.cloud.start();
		this.cloud.stubFor(post(urlEqualTo("/identity/v3/auth/tokens"))
			.withRequestBody(matchingJsonPath("$.auth.identity.password.user.name",
					com.github.tomakehurst.wiremock.client.WireMock.equalTo("aigenda-recorders")))
			.withRequestBody(matchingJsonPath("$.auth.scope.project.name",
					com.github.tomakehurst.wiremock.client.WireMock.equalTo("aigenda")))
			.willReturn(json(201, "keystone-token.json").withHeader("X-Subject-Token",
					"gAAAAABj_wJ0Y1mGd0mY3TJ0dFq4-recorder-token")));
		this.provider = new OpenStackRecorderProvider(new RecorderProperties.OpenStack(
				this.cloud.baseUrl() + "/identity/v3", "aigenda-recorders", "s3cret", "Default", "aigenda", "Default",
				null, "3", "70a599e0-31e7-49b7-b260-868f441e862b", "3d1c0f7e-5b6a-4c2d-8e9f-0a1b2c3d4e5f",
				"recorders-key", "aigenda-recorders", "/opt/aigenda/recorder-agent/bin/aigenda-recorder",
				Duration.ofSeconds(5), Duration.ofMillis(50)));
	}

	@AfterEach
	void stopCloud() {
		this.cloud.stop();
	}

	@Test
	void createsATaggedServerWithCloudInitWaitsUntilActiveAndDeletesIt() {
		this.cloud
			.stubFor(post(urlEqualTo("/compute/v2.1/servers")).willReturn(json(202, "nova-server-create-202.json")));
		this.cloud.stubFor(get(urlEqualTo(SERVER)).inScenario("boot")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(json(200, "nova-server-build.json"))
			.willSetStateTo("built"));
		this.cloud.stubFor(get(urlEqualTo(SERVER)).inScenario("boot")
			.whenScenarioStateIs("built")
			.willReturn(json(200, "nova-server-active.json")));
		this.cloud.stubFor(delete(urlEqualTo(SERVER)).willReturn(aResponse().withStatus(204)));

		String handle = this.provider.start(launch());

		assertThat(handle).isEqualTo("f5dc173b-6804-445a-a6d8-c705dad5b5eb");
		LoggedRequest create = this.cloud.findAll(postRequestedFor(urlEqualTo("/compute/v2.1/servers"))).get(0);
		assertThat(create.getHeader("X-Auth-Token")).isEqualTo("gAAAAABj_wJ0Y1mGd0mY3TJ0dFq4-recorder-token");
		tools.jackson.databind.JsonNode server = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(create.getBodyAsString())
			.path("server");
		assertThat(server.path("name").asString()).isEqualTo("aigenda-recorder-" + this.bot);
		assertThat(server.path("flavorRef").asString()).isEqualTo("3");
		assertThat(server.path("imageRef").asString()).isEqualTo("70a599e0-31e7-49b7-b260-868f441e862b");
		assertThat(server.path("key_name").asString()).isEqualTo("recorders-key");
		assertThat(server.path("security_groups").get(0).path("name").asString()).isEqualTo("aigenda-recorders");
		assertThat(server.path("networks").get(0).path("uuid").asString())
			.isEqualTo("3d1c0f7e-5b6a-4c2d-8e9f-0a1b2c3d4e5f");
		assertThat(server.path("metadata").path("aigenda-recorder").asString()).isEqualTo("true");
		assertThat(server.path("metadata").path("aigenda-bot").asString()).isEqualTo(this.bot.toString());
		String userData = new String(Base64.getDecoder().decode(server.path("user_data").asString()),
				StandardCharsets.UTF_8);
		assertThat(userData).startsWith("#cloud-config")
			.contains("AIGENDA_RECORDER_TOKEN='agr_one-time'")
			.contains("AIGENDA_BACKEND_URL='https://aigenda.example.com'")
			.contains("AIGENDA_MEETING_URL='https://meet.jit.si/Weekly'")
			.contains("--aigenda-bot=" + this.bot);
		assertThat(
				this.cloud.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo(SERVER))))
			.hasSize(2);

		this.provider.stop(handle);
		this.cloud.verify(deleteRequestedFor(urlEqualTo(SERVER)));
	}

	@Test
	void aServerInErrorIsDeletedAndReportedWithNovasFault() {
		this.cloud
			.stubFor(post(urlEqualTo("/compute/v2.1/servers")).willReturn(json(202, "nova-server-create-202.json")));
		this.cloud.stubFor(get(urlEqualTo(SERVER)).willReturn(json(200, "nova-server-error.json")));
		this.cloud.stubFor(delete(urlEqualTo(SERVER)).willReturn(aResponse().withStatus(204)));

		assertThatThrownBy(() -> this.provider.start(launch())).isInstanceOf(RecorderException.class)
			.hasMessageContaining("ERROR")
			.hasMessageContaining("No valid host was found")
			.matches(ex -> ((RecorderException) ex).retryable());
		this.cloud.verify(deleteRequestedFor(urlEqualTo(SERVER)));
	}

	@Test
	void quotaExceededIsARetryableFailureAndCreatesNothing() {
		this.cloud
			.stubFor(post(urlEqualTo("/compute/v2.1/servers")).willReturn(json(403, "nova-quota-exceeded-403.json")));

		assertThatThrownBy(() -> this.provider.start(launch())).isInstanceOf(RecorderException.class)
			.hasMessageContaining("quota exceeded")
			.matches(ex -> ((RecorderException) ex).retryable());
		assertThat(this.cloud.findAll(deleteRequestedFor(urlPathEqualTo(SERVER)))).isEmpty();
	}

	@Test
	void aServerNeverActiveInTimeIsDeleted() {
		this.cloud
			.stubFor(post(urlEqualTo("/compute/v2.1/servers")).willReturn(json(202, "nova-server-create-202.json")));
		this.cloud.stubFor(get(urlEqualTo(SERVER)).willReturn(json(200, "nova-server-build.json")));
		this.cloud.stubFor(delete(urlEqualTo(SERVER)).willReturn(aResponse().withStatus(204)));
		this.provider = new OpenStackRecorderProvider(withTimeout(Duration.ofMillis(300)));

		assertThatThrownBy(() -> this.provider.start(launch())).hasMessageContaining("was not ACTIVE");
		this.cloud.verify(deleteRequestedFor(urlEqualTo(SERVER)));
	}

	@Test
	void runningListsOnlyServersTaggedAsRecordersAndDeletingAGoneServerIsFine() {
		this.cloud.stubFor(
				get(urlPathEqualTo("/compute/v2.1/servers/detail")).willReturn(json(200, "nova-servers-detail.json")));
		this.cloud.stubFor(delete(urlEqualTo("/compute/v2.1/servers/0b3a9c3e-1d7f-4f0e-9a51-4f2f6c0de1a1"))
			.willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody(
						"{\"itemNotFound\": {\"code\": 404, \"message\": \"Instance 0b3a9c3e could not be found.\"}}")));

		assertThat(this.provider.running()).containsExactlyInAnyOrder("f5dc173b-6804-445a-a6d8-c705dad5b5eb",
				"0b3a9c3e-1d7f-4f0e-9a51-4f2f6c0de1a1");
		this.provider.stop("0b3a9c3e-1d7f-4f0e-9a51-4f2f6c0de1a1");
	}

	@Test
	void wrongCredentialsAreNotRetried() {
		this.cloud.resetAll();
		this.cloud.stubFor(post(urlEqualTo("/identity/v3/auth/tokens")).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\": {\"code\": 401, \"message\": \"The request you have made requires authentication.\","
					+ " \"title\": \"Unauthorized\"}}")));

		assertThatThrownBy(() -> this.provider.start(launch())).isInstanceOf(RecorderException.class)
			.matches(ex -> !((RecorderException) ex).retryable());
	}

	private RecorderLaunch launch() {
		return new RecorderLaunch(this.bot, UUID.randomUUID(), "https://meet.jit.si/Weekly", "jitsi", "agr_one-time",
				"https://aigenda.example.com", "https://controller.aigenda.example.com", 3600);
	}

	private RecorderProperties.OpenStack withTimeout(Duration timeout) {
		return new RecorderProperties.OpenStack(this.cloud.baseUrl() + "/identity/v3", "aigenda-recorders", "s3cret",
				"Default", "aigenda", "Default", null, "3", "70a599e0-31e7-49b7-b260-868f441e862b",
				"3d1c0f7e-5b6a-4c2d-8e9f-0a1b2c3d4e5f", null, null, "/opt/aigenda/recorder", timeout,
				Duration.ofMillis(50));
	}

	private com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String resource) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(payload(resource));
	}

	/** A recorded payload with this server's address and the bot filled in. */
	private String payload(String resource) {
		try (InputStream in = getClass().getResourceAsStream("/openstack/" + resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{base}}", this.cloud.baseUrl())
				.replace("{{bot}}", this.bot.toString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
