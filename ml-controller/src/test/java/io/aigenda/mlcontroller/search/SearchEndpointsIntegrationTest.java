package io.aigenda.mlcontroller.search;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.aigenda.contracts.internal.Answer;
import io.aigenda.contracts.internal.InternalApiClient;
import io.aigenda.contracts.internal.InternalApiException;
import io.aigenda.contracts.internal.Passage;
import io.aigenda.mlcontroller.ControllerEnvironment;
import io.aigenda.mlcontroller.ControllerUnderTest;
import io.aigenda.mlcontroller.FakeBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The ml-controller's search endpoints as the backend calls them: over HTTP, through the
 * shared internal API client, with the service token, into the real index and encoder.
 */
class SearchEndpointsIntegrationTest {

	@TempDir
	static Path vectors;

	private static ControllerEnvironment environment;

	private static ControllerUnderTest controller;

	private static final UUID ORGANISATION = UUID.randomUUID();

	private static final UUID MEETING = UUID.randomUUID();

	@BeforeAll
	static void start() {
		environment = new ControllerEnvironment(
				Map.of("aigenda.vector-store.directory", vectors.toString(), "server.port", "0"));
		controller = environment.controller();
		controller.bean(MeetingSearch.class)
			.index(ORGANISATION, MEETING, MeetingSearchTest.budget(), MeetingSearchTest.minutes("Budget", "Hiring"));
	}

	@AfterAll
	static void stop() {
		if (environment != null) {
			environment.close();
		}
	}

	@Test
	void theBackendsClientSearchesTheCallersOrganisationOnly() {
		InternalApiClient backend = client(FakeBackend.SERVICE_TOKEN);

		List<Passage> hits = backend.search(ORGANISATION, "When are supplier invoices due?", 3);

		assertThat(hits).isNotEmpty().allSatisfy((passage) -> assertThat(passage.meetingId()).isEqualTo(MEETING));
		assertThat(hits.get(0).topic()).isEqualTo("Budget");
		assertThat(hits.get(0).text()).contains("invoice");
		assertThat(backend.search(UUID.randomUUID(), "When are supplier invoices due?", 3)).isEmpty();
	}

	@Test
	void theBackendsClientAsksAboutOneMeeting() {
		Answer answer = client(FakeBackend.SERVICE_TOKEN).ask(ORGANISATION, MEETING, "Who will publish the job offer?",
				1);

		assertThat(answer.method()).isEqualTo("passages");
		assertThat(answer.answer()).contains("job offer");
		assertThat(answer.citations()).singleElement()
			.satisfies((passage) -> assertThat(passage.topic()).isEqualTo("Hiring"));
	}

	@Test
	void aWrongServiceTokenIsTheClientsExceptionWithStatusAndReason() {
		InternalApiException refused = catchThrowableOfType(InternalApiException.class,
				() -> client("not-the-service-token").search(ORGANISATION, "budget", 3));

		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.reason()).isEqualTo("service token required");
		assertThat(refused.retryable()).isFalse();
	}

	private static InternalApiClient client(String token) {
		return new InternalApiClient(controller.url(), token, Duration.ofSeconds(5), Duration.ofSeconds(30));
	}

}
