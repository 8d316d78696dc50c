package io.aigenda.backend.upload;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.aigenda.backend.BackendIntegrationTest;
import io.aigenda.backend.storage.ObjectStore;
import io.aigenda.backend.storage.StorageKeys;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.ProcessMeeting;
import io.aigenda.contracts.Queues;
import io.aigenda.messaging.Topology;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class RecordingUploadIntegrationTests extends BackendIntegrationTest {

	@Autowired
	Topology topology;

	@Autowired
	ObjectStore store;

	@Autowired
	JdbcClient jdbc;

	@Test
	void multipartUploadStoresRecordingAndPublishesProcessMeeting() throws Exception {
		byte[] wav = read(shared("eval-dev/asr/en/jfk.wav"));
		String id = createMeeting(ADMIN_TOKEN, "JFK speech");

		HttpResponse<String> uploaded = putFile("/api/v1/meetings/" + id + "/recording", ADMIN_TOKEN, "jfk.wav", wav);

		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
		JsonNode result = body(uploaded);
		assertThat(result.path("state").asString()).isEqualTo("UPLOADED");
		assertThat(result.path("contentType").asString()).isEqualTo("audio/wav");
		assertThat(result.path("sha256").asString()).isEqualTo(sha256(wav));
		assertThat(result.path("durationSeconds").asDouble()).isBetween(10.5, 11.5);
		ProcessMeeting command = receiveProcessMeeting(id);
		UUID organisation = UUID.fromString(body(get("/api/v1/me", ADMIN_TOKEN)).path("organisationId").asString());
		assertThat(command.organisationId()).isEqualTo(organisation);
		assertThat(command.audioKey()).isEqualTo(StorageKeys.recording(organisation, UUID.fromString(id)));
		assertThat(command.language()).isEqualTo(Language.EN);
		assertThat(command.originalFilename()).isEqualTo("jfk.wav");
		assertThat(this.store.getBytes(command.audioKey())).isEqualTo(wav);
		assertThat(body(get("/api/v1/meetings/" + id, ADMIN_TOKEN)).path("state").asString()).isEqualTo("UPLOADED");
		assertThat(this.jdbc.sql("select count(*) from outbox where payload->>'meetingId' = ? and sent_at is not null")
			.param(id)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void resumableUploadThroughPresignedPartsCanBeResumedAndCompleted() throws Exception {
		byte[] recording = largeRecording();
		String id = createMeeting(ADMIN_TOKEN, "AMI meeting in parts");
		HttpResponse<String> started = send("POST", "/api/v1/meetings/" + id + "/uploads", ADMIN_TOKEN,
				"{\"filename\":\"dev00.wav\",\"sizeBytes\":" + recording.length + ",\"contentType\":\"audio/wav\"}");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
		JsonNode plan = body(started);
		long partSize = plan.path("partSizeBytes").asLong();
		int partCount = plan.path("partCount").asInt();
		assertThat(partCount).isEqualTo((int) ((recording.length + partSize - 1) / partSize)).isGreaterThan(1);
		String uploadId = plan.path("uploadId").asString();

		// The client stores the first part, then is interrupted.
		String firstEtag = putPart(plan.path("parts").get(0).path("url").asString(), recording, 1, partSize);

		JsonNode status = body(get("/api/v1/meetings/" + id + "/uploads/" + uploadId, ADMIN_TOKEN));
		assertThat(status.path("storedParts")).hasSize(1);
		assertThat(status.path("storedParts").get(0).path("partNumber").asInt()).isEqualTo(1);
		assertThat(status.path("missingParts")).hasSize(partCount - 1);

		List<String> parts = new ArrayList<>();
		parts.add("{\"partNumber\":1,\"etag\":" + this.json.writeValueAsString(firstEtag) + "}");
		for (JsonNode missing : status.path("missingParts")) {
			int number = missing.path("partNumber").asInt();
			String etag = putPart(missing.path("url").asString(), recording, number, partSize);
			parts.add("{\"partNumber\":" + number + ",\"etag\":" + this.json.writeValueAsString(etag) + "}");
		}
		HttpResponse<String> completed = send("POST", "/api/v1/meetings/" + id + "/uploads/" + uploadId + "/complete",
				ADMIN_TOKEN, "{\"parts\":[" + String.join(",", parts) + "]}");

		assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
		assertThat(body(completed).path("contentType").asString()).isEqualTo("audio/wav");
		ProcessMeeting command = receiveProcessMeeting(id);
		assertThat(this.store.getBytes(command.audioKey())).isEqualTo(recording);
		HttpResponse<String> again = send("POST", "/api/v1/meetings/" + id + "/uploads/" + uploadId + "/complete",
				ADMIN_TOKEN, "{\"parts\":[" + String.join(",", parts) + "]}");
		assertThat(again.statusCode()).isEqualTo(409);
	}

	@Test
	void abortedResumableUploadLetsTheMeetingTakeAnotherRecording() {
		String id = createMeeting(ADMIN_TOKEN, "Aborted");
		JsonNode plan = body(send("POST", "/api/v1/meetings/" + id + "/uploads", ADMIN_TOKEN,
				"{\"filename\":\"a.wav\",\"sizeBytes\":200000}"));
		assertThat(body(get("/api/v1/meetings/" + id, ADMIN_TOKEN)).path("state").asString()).isEqualTo("UPLOADING");
		assertThat(putFile("/api/v1/meetings/" + id + "/recording", ADMIN_TOKEN, "jfk.wav",
				read(shared("eval-dev/asr/en/jfk.wav")))
			.statusCode()).isEqualTo(409);

		HttpResponse<String> aborted = send("DELETE",
				"/api/v1/meetings/" + id + "/uploads/" + plan.path("uploadId").asString(), ADMIN_TOKEN, null);

		assertThat(aborted.statusCode()).isEqualTo(204);
		assertThat(body(get("/api/v1/meetings/" + id, ADMIN_TOKEN)).path("state").asString()).isEqualTo("CREATED");
		assertThat(putFile("/api/v1/meetings/" + id + "/recording", ADMIN_TOKEN, "jfk.wav",
				read(shared("eval-dev/asr/en/jfk.wav")))
			.statusCode()).isEqualTo(200);
	}

	@Test
	void deletingAMeetingRemovesItsRowsAndObjects() {
		String id = createMeeting(ADMIN_TOKEN, "To delete");
		putFile("/api/v1/meetings/" + id + "/recording", ADMIN_TOKEN, "jfk.wav",
				read(shared("eval-dev/asr/en/jfk.wav")));
		UUID organisation = UUID.fromString(body(get("/api/v1/me", ADMIN_TOKEN)).path("organisationId").asString());
		String prefix = StorageKeys.meetingPrefix(organisation, UUID.fromString(id));
		this.store.putBytes(prefix + "artifacts/transcript.json", "{}".getBytes(), "application/json");
		assertThat(this.store.list(prefix)).contains(prefix + "recording", prefix + "artifacts/transcript.json");

		assertThat(send("DELETE", "/api/v1/meetings/" + id, ADMIN_TOKEN, null).statusCode()).isEqualTo(204);

		assertThat(this.store.list(prefix)).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from meetings where id = ?::uuid")
			.param(id)
			.query(Integer.class)
			.single()).isZero();
		assertThat(get("/api/v1/meetings/" + id, ADMIN_TOKEN).statusCode()).isEqualTo(404);
	}

	/**
	 * S3 parts are at least 5 MiB, so a multi-part upload needs a larger file: the AMI
	 * recording, resampled by ffmpeg to 48 kHz stereo (the same speech, about 11.5 MB).
	 */
	private static byte[] largeRecording() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(onPath("ffmpeg"), "ffmpeg is needed to build the large recording");
		java.nio.file.Path out = java.nio.file.Files.createTempFile("aigenda-large", ".wav");
		Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-y", "-i",
				shared("eval-dev/diarization/ami_dev/dev00.wav").toString(), "-ar", "48000", "-ac", "2", out.toString())
			.redirectErrorStream(true)
			.start();
		assertThat(ffmpeg.waitFor()).isZero();
		byte[] bytes = read(out);
		java.nio.file.Files.delete(out);
		return bytes;
	}

	private static boolean onPath(String tool) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			if (!dir.isEmpty() && java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, tool))) {
				return true;
			}
		}
		return false;
	}

	private String putPart(String url, byte[] content, int partNumber, long partSize) {
		int from = (int) ((partNumber - 1) * partSize);
		int to = (int) Math.min(content.length, from + partSize);
		HttpResponse<String> response = call(HttpRequest.newBuilder(URI.create(url))
			.PUT(HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOfRange(content, from, to)))
			.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.headers().firstValue("ETag").orElseThrow();
	}

	private ProcessMeeting receiveProcessMeeting(String meetingId) {
		String queue = this.topology.queue(Queues.PROCESS_MEETING);
		long deadline = System.currentTimeMillis() + 15_000;
		while (System.currentTimeMillis() < deadline) {
			Object received = this.rabbit.receiveAndConvert(queue, 1000);
			if (received instanceof ProcessMeeting command && command.meetingId().toString().equals(meetingId)) {
				return command;
			}
		}
		throw new AssertionError("No ProcessMeeting for meeting " + meetingId + " arrived");
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
