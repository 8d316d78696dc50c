package io.aigenda.backend.meeting;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import io.aigenda.backend.BackendIntegrationTest;
import io.aigenda.contracts.FailureCategory;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingFailed;
import io.aigenda.contracts.ProcessMeeting;
import io.aigenda.contracts.Queues;
import io.aigenda.contracts.StepKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RetryIntegrationTests extends BackendIntegrationTest {

	@Test
	void retryOfAFailedMeetingSendsTheNextRunOnceAndASecondFailureShowsAgain() {
		String id = failedMeeting("Retried");
		ProcessMeeting first = receive(Queues.PROCESS_MEETING, ProcessMeeting.class, id);
		assertThat(first.runNumber()).isEqualTo(1);
		fail(id, "worker crashed");

		HttpResponse<String> retried = send("POST", "/api/v1/meetings/" + id + "/retry", ADMIN_TOKEN, null);
		assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
		assertThat(body(retried).path("state").asString()).isEqualTo("UPLOADED");
		assertThat(body(retried).path("failureReason").isNull()).isTrue();
		ProcessMeeting second = receive(Queues.PROCESS_MEETING, ProcessMeeting.class, id);
		assertThat(second.runNumber()).isEqualTo(2);
		assertThat(second.audioKey()).isEqualTo(first.audioKey());
		assertThat(second.language()).isEqualTo(Language.EN);

		// a repeated request is refused, not a second run
		HttpResponse<String> again = send("POST", "/api/v1/meetings/" + id + "/retry", ADMIN_TOKEN, null);
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(body(again).path("type").asString()).endsWith("/not-failed");
		assertThat(again.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(nextProcessMeeting(id, Duration.ofSeconds(2))).isNull();

		// the retried run fails too: the meeting shows it, and can be retried once more
		fail(id, "worker crashed again");
		assertThat(body(get("/api/v1/meetings/" + id, ADMIN_TOKEN)).path("failureReason").asString())
			.isEqualTo("TRANSCRIBE: worker crashed again");
		assertThat(send("POST", "/api/v1/meetings/" + id + "/retry", ADMIN_TOKEN, null).statusCode()).isEqualTo(202);
		assertThat(receive(Queues.PROCESS_MEETING, ProcessMeeting.class, id).runNumber()).isEqualTo(3);
	}

	@Test
	void onlyFailedMeetingsOfTheCallersOrganisationCanBeRetried() {
		String waiting = createMeeting(ADMIN_TOKEN, "Nothing to retry");
		HttpResponse<String> refused = send("POST", "/api/v1/meetings/" + waiting + "/retry", ADMIN_TOKEN, null);
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(body(refused).path("detail").asString()).contains("Only a failed meeting");

		String failed = failedMeeting("Someone else's");
		fail(failed, "broken");
		assertThat(send("POST", "/api/v1/meetings/" + failed + "/retry", otherOrganisationToken(), null).statusCode())
			.isEqualTo(404);
		assertThat(body(get("/api/v1/meetings/" + failed, ADMIN_TOKEN)).path("state").asString()).isEqualTo("FAILED");
	}

	@Test
	void aMeetingThatFailedForWantOfAModelIsNotRetryableAndOthersAre() {
		String waiting = createMeeting(ADMIN_TOKEN, "Not failed");
		assertThat(body(get("/api/v1/meetings/" + waiting, ADMIN_TOKEN)).path("retryable").isNull()).isTrue();

		String noModel = failedMeeting("Russian without a model");
		fail(noModel, "Russian speech; no Russian model is installed", FailureCategory.LANGUAGE);
		assertThat(body(get("/api/v1/meetings/" + noModel, ADMIN_TOKEN)).path("retryable").asBoolean()).isFalse();

		String crashed = failedMeeting("Crashed");
		fail(crashed, "worker crashed", null);
		assertThat(body(get("/api/v1/meetings/" + crashed, ADMIN_TOKEN)).path("retryable").isBoolean()).isTrue();
		assertThat(body(get("/api/v1/meetings/" + crashed, ADMIN_TOKEN)).path("retryable").asBoolean()).isTrue();
	}

	private String failedMeeting(String title) {
		String id = createMeeting(ADMIN_TOKEN, title);
		HttpResponse<String> uploaded = putFile("/api/v1/meetings/" + id + "/recording", ADMIN_TOKEN, "jfk.wav",
				read(shared("eval-dev/asr/en/jfk.wav")));
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
		return id;
	}

	/** The ml-controller's report that the meeting's current run failed. */
	private void fail(String id, String reason) {
		fail(id, reason, null);
	}

	private void fail(String id, String reason, FailureCategory category) {
		UUID organisation = UUID.fromString(body(get("/api/v1/me", ADMIN_TOKEN)).path("organisationId").asString());
		this.messages.publishEventConfirmed(
				new MeetingFailed(UUID.fromString(id), organisation, StepKind.TRANSCRIBE, reason, category),
				UUID.randomUUID().toString());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "FAILED".equals(body(get("/api/v1/meetings/" + id, ADMIN_TOKEN)).path("state").asString()));
	}

	private ProcessMeeting nextProcessMeeting(String id, Duration wait) {
		String queue = this.topology.queue(Queues.PROCESS_MEETING);
		long deadline = System.nanoTime() + wait.toNanos();
		while (System.nanoTime() < deadline) {
			if (this.rabbit.receiveAndConvert(queue, 500) instanceof ProcessMeeting command
					&& command.meetingId().toString().equals(id)) {
				return command;
			}
		}
		return null;
	}

}
