package io.aigenda.app.reliability;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.aigenda.app.PlatformFiles;
import io.aigenda.app.platform.Service;
import io.aigenda.audio.WavWriter;
import io.aigenda.backend.storage.ObjectStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of bad input through the real REST API, by direct upload and by the resumable
 * upload: each gets an RFC 9457 problem in plain words, the meeting it was meant for
 * still waits for a recording, and a meeting finished before is exactly as it was.
 */
@ExtendWith(ReliabilityPlatform.Extension.class)
class BadInputTests {

	static final Path JFK_MP3 = PlatformFiles.SHARED.resolve("eval-dev/containers/jfk.mp3");

	static final Path BUNNY = PlatformFiles.SHARED
		.resolve("eval-dev/containers/lhotse_big_buck_bunny_small_nonspeech.mp4");

	static ReliabilityPlatform suite;

	static Api api;

	static ObjectStore store;

	static String earlier;

	static Snapshot before;

	@TempDir
	static Path temp;

	@BeforeAll
	static void finishAMeetingFirst(ReliabilityPlatform platform) throws Exception {
		suite = platform;
		api = platform.admin;
		store = platform.context(Service.BACKEND).getBean(ObjectStore.class);
		earlier = platform.finishedMeeting();
		before = Snapshot.of(api, store, earlier);
	}

	@AfterAll
	static void theEarlierMeetingIsExactlyAsItWas() {
		if (before != null) {
			assertThat(Snapshot.of(api, store, earlier)).isEqualTo(before);
		}
	}

	@Test
	void zeroByteFile() {
		refusedDirect("0-byte file", "empty.wav", new byte[0], 400, "empty-upload");
	}

	@Test
	void emptyResumableUpload() {
		String id = api.createMeeting("Empty resumable");
		HttpResponse<String> response = api.send("POST", uploads(id), "{\"filename\":\"empty.wav\",\"sizeBytes\":0}");
		record("0-byte resumable upload", "POST /uploads", response, 400, "empty-upload");
		assertNothingLeftBehind(id);
	}

	@Test
	void textFileNamedWav() {
		byte[] text = "Minutes of the meeting, typed by hand.\n".repeat(40).getBytes(StandardCharsets.UTF_8);
		refusedDirect("text file named .wav", "notes.wav", text, 415, "unsupported-media");
	}

	@Test
	void truncatedMp3() throws IOException {
		byte[] mp3 = Files.readAllBytes(JFK_MP3);
		JsonNode problem = refusedDirect("MP3 cut at 40 %", "jfk.mp3", Arrays.copyOf(mp3, mp3.length * 2 / 5), 422,
				"undecodable-recording");
		assertThat(problem.path("detail").asString()).contains("truncated");
	}

	@Test
	void wavHeaderClaimingHoursOfAudioCountsOnlyWhatIsThere() {
		// the data chunk says 4 GB (37 h at 16 kHz), one second follows: the header is
		// not believed
		byte[] wav = wav(16000, 1, 16, 0xFFFFFF00, new byte[32000]);
		String id = api.createMeeting("Header claims hours");
		HttpResponse<String> response = api.putFile(recording(id), "long.wav", wav);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(Api.json(response).path("durationSeconds").asDouble()).isEqualTo(1.0);
		Report.badInput("WAV header claiming 37 h, 1 s of audio", "PUT /recording", 200,
				"accepted as the 1.0 s that is there");
	}

	@Test
	void hugeSampleRate() {
		byte[] wav = wav(Integer.MAX_VALUE, 1, 16, 32000, new byte[32000]);
		JsonNode problem = refusedDirect("WAV at 2^31 Hz", "fast.wav", wav, 422, "undecodable-recording");
		assertThat(problem.path("detail").asString()).contains("sample rate");
	}

	@Test
	void zeroChannels() {
		byte[] wav = wav(16000, 0, 16, 32000, new byte[32000]);
		refusedDirect("WAV with 0 channels", "none.wav", wav, 422, "undecodable-recording");
	}

	@Test
	void videoWithoutAudio() throws Exception {
		Path silentVideo = temp.resolve("video-only.mp4");
		ffmpeg("-i", BUNNY.toString(), "-map", "0:v", "-c", "copy", silentVideo.toString());
		JsonNode problem = refusedDirect("video without audio", "video-only.mp4", Files.readAllBytes(silentVideo), 422,
				"undecodable-recording");
		assertThat(problem.path("detail").asString()).contains("no audio");
	}

	@Test
	void tenHoursOfSilenceIsStoppedByTheDurationLimitThroughTheResumableUpload() throws Exception {
		// FLAC stores silence in a few bytes a frame: ten hours in 7 MB, written in
		// seconds
		Path tenHours = temp.resolve("ten-hours.flac");
		ffmpeg("-f", "lavfi", "-i", "anullsrc=r=8000:cl=mono", "-t", "36000", "-c:a", "flac", tenHours.toString());
		byte[] flac = Files.readAllBytes(tenHours);
		String id = api.createMeeting("Ten hours");
		HttpResponse<String> plan = api.send("POST", uploads(id),
				"{\"filename\":\"ten-hours.flac\",\"sizeBytes\":" + flac.length + "}");
		assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
		JsonNode parts = Api.json(plan).path("parts");
		assertThat(parts.size()).isEqualTo(1);
		HttpResponse<String> part = Api
			.call(HttpRequest.newBuilder(java.net.URI.create(parts.get(0).path("url").asString()))
				.PUT(HttpRequest.BodyPublishers.ofByteArray(flac))
				.build());
		assertThat(part.statusCode()).isEqualTo(200);
		String etag = part.headers().firstValue("ETag").orElseThrow();
		String uploadId = Api.json(plan).path("uploadId").asString();

		HttpResponse<String> complete = api.send("POST", uploads(id) + "/" + uploadId + "/complete",
				"{\"parts\":[{\"partNumber\":1,\"etag\":" + Api.JSON.writeValueAsString(etag) + "}]}");

		JsonNode problem = record("10 h of silence (FLAC)", "resumable upload", complete, 413, "recording-too-long");
		assertThat(problem.path("detail").asString()).contains("10:00:00").contains("6:00:00");
		assertNothingLeftBehind(id);
	}

	@Test
	void malformedJson() {
		HttpResponse<String> meeting = api.send("POST", "/api/v1/meetings", "{\"title\": \"x\",");
		record("malformed JSON", "POST /meetings", meeting, 400, "malformed-request");
		String id = api.createMeeting("Malformed upload plan");
		HttpResponse<String> plan = api.send("POST", uploads(id), "{\"sizeBytes\": 12,,}");
		record("malformed JSON", "POST /uploads", plan, 400, "malformed-request");
		assertWaitsForRecording(id);
	}

	@Test
	void unknownFieldsAreRefusedAndChangeNothing() {
		String title = "Sneaky " + UUID.randomUUID();
		HttpResponse<String> created = api.send("POST", "/api/v1/meetings",
				"{\"title\":\"" + title + "\",\"language\":\"en\",\"organisationId\":\"" + UUID.randomUUID()
						+ "\",\"state\":\"PROCESSED\",\"recordingKey\":\"orgs/x/recording\"}");
		JsonNode problem = record("unknown fields organisationId, state, recordingKey", "POST /meetings", created, 400,
				"unknown-field");
		assertThat(problem.path("detail").asString()).contains("organisationId");
		assertThat(api.get("/api/v1/meetings?q=" + title.replace(" ", "%20")).body()).doesNotContain(title);

		String id = api.createMeeting("Unknown field in the upload plan");
		HttpResponse<String> plan = api.send("POST", uploads(id),
				"{\"filename\":\"a.wav\",\"sizeBytes\":32044,\"key\":\"orgs/x/meetings/y/recording\"}");
		assertThat(record("unknown field key", "POST /uploads", plan, 400, "unknown-field").path("detail").asString())
			.contains("'key'");
		assertWaitsForRecording(id);

		// on a finished meeting: nested and top-level extras are refused, the meeting
		// stays as it was
		String speakers = "/api/v1/meetings/" + earlier + "/speakers";
		HttpResponse<String> reassign = api.send("POST", speakers + "/reassign",
				"{\"start\":0,\"end\":1,\"from\":\"S1\",\"to\":\"S2\",\"words\":[]}");
		record("unknown field words", "POST /speakers/reassign", reassign, 400, "unknown-field");
		HttpResponse<String> rename = api.send("PUT", speakers + "/S1", "{\"name\":\"Ann\",\"label\":\"S9\"}");
		record("unknown field label", "PUT /speakers/{label}", rename, 400, "unknown-field");
		String minutes = api.get("/api/v1/meetings/" + earlier + "/minutes").body();
		HttpResponse<String> edited = api.send("PUT", "/api/v1/meetings/" + earlier + "/minutes",
				minutes.replaceFirst("\\{", "{\"editedBy\":\"x\","));
		assertThat(record("unknown field editedBy", "PUT /minutes", edited, 400, "invalid-minutes").path("detail")
			.asString()).contains("editedBy");
		// the @AfterAll snapshot proves the finished meeting unchanged
	}

	@Test
	void oversizedUploads() {
		String id = api.createMeeting("Too large, resumable");
		HttpResponse<String> plan = api.send("POST", uploads(id),
				"{\"filename\":\"big.wav\",\"sizeBytes\":" + (ReliabilityPlatform.MAX_UPLOAD_BYTES + 1) + "}");
		record("upload 1 byte over the limit", "POST /uploads", plan, 413, "upload-too-large");
		assertNothingLeftBehind(id);

		byte[] big = wav(16000, 1, 16, (int) ReliabilityPlatform.MAX_UPLOAD_BYTES,
				new byte[(int) ReliabilityPlatform.MAX_UPLOAD_BYTES]);
		// the servlet's multipart limit refuses this one before the upload code reads it,
		// so the meeting stays, waiting for a recording that fits
		String direct = api.createMeeting("Too large, direct");
		record("upload 1 byte over the limit", "PUT /recording", api.putFile(recording(direct), "big.wav", big), 413,
				"upload-too-large");
		assertWaitsForRecording(direct);
	}

	@Test
	void pathTricksInFileNamesNeverReachTheStorageKey() {
		for (String name : List.of("../../etc/passwd.wav", "..\\..\\windows\\win.ini.wav", "/etc/shadow.wav")) {
			String id = api.createMeeting("Path trick");
			HttpResponse<String> response = api.putFile(recording(id), name, wav(16000, 1, 16, 32000, new byte[32000]));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			String stored = api.meeting(id).path("recording").path("filename").asString();
			assertThat(stored).doesNotContain("/").doesNotContain("\\").doesNotContain("..");
			Report.badInput("file name " + name, "PUT /recording", 200, "accepted, stored as '" + stored + "'");
		}
		assertEveryKeyIsUnderAnOrganisationsMeeting();
	}

	@Test
	void fileNamesWithControlCharactersAreRefused() {
		String id = api.createMeeting("Control characters");
		HttpResponse<String> response = api.putFile(recording(id),
				"a\u0000b\u001b[2J.wav".getBytes(StandardCharsets.UTF_8), wav(16000, 1, 16, 32000, new byte[32000]));
		record("file name with NUL and an escape sequence", "PUT /recording", response, 400, "malformed-upload");
		assertWaitsForRecording(id);
	}

	@Test
	void nonUtf8FileNames() {
		byte[][] names = { { 'r', (byte) 0xE9, 'u', 'n', 'i', 'o', 'n', '.', 'w', 'a', 'v' },
				{ (byte) 0xFF, (byte) 0xFE, (byte) 0xC0, '.', 'w', 'a', 'v' } };
		for (byte[] name : names) {
			String id = api.createMeeting("Odd name");
			HttpResponse<String> response = api.putFile(recording(id), name, wav(16000, 1, 16, 32000, new byte[32000]));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			String stored = api.meeting(id).path("recording").path("filename").asString();
			assertThat(stored).isNotBlank().doesNotContain("/").doesNotContainPattern("\\p{Cntrl}");
			Report.badInput("file name bytes " + java.util.HexFormat.of().formatHex(name), "PUT /recording", 200,
					"accepted, stored as '" + stored + "'");
		}
	}

	private static JsonNode refusedDirect(String input, String filename, byte[] content, int status, String slug) {
		String id = api.createMeeting("Bad input: " + input);
		HttpResponse<String> response = api.putFile(recording(id), filename, content);
		JsonNode problem = record(input, "PUT /recording", response, status, slug);
		assertNothingLeftBehind(id);
		return problem;
	}

	private static JsonNode record(String input, String via, HttpResponse<String> response, int status, String slug) {
		String outcome = response.statusCode() + " " + response.body();
		try {
			JsonNode problem = Api.assertProblem(response, status, slug);
			outcome = slug + ": " + problem.path("detail").asString();
			return problem;
		}
		finally {
			Report.badInput(input, via, response.statusCode(), outcome);
		}
	}

	/**
	 * A refused recording leaves nothing behind: the meeting created for it is gone, and
	 * nothing was stored for it.
	 */
	private static void assertNothingLeftBehind(String id) {
		assertThat(api.get("/api/v1/meetings/" + id).statusCode()).isEqualTo(404);
		assertThat(store.list("")).noneMatch(key -> key.contains("/meetings/" + id + "/"));
	}

	/** The meeting still waits for its recording, and nothing was stored for it. */
	private static void assertWaitsForRecording(String id) {
		JsonNode meeting = api.meeting(id);
		assertThat(meeting.path("state").asString()).isEqualTo("CREATED");
		assertThat(meeting.path("recording").isNull() || meeting.path("recording").isMissingNode()).isTrue();
		assertThat(store.list("")).noneMatch(key -> key.contains("/meetings/" + id + "/"));
	}

	private static void assertEveryKeyIsUnderAnOrganisationsMeeting() {
		assertThat(TenantIsolationTests.storedKeys(store)).allMatch(
				key -> key.matches("orgs/[0-9a-f-]{36}/meetings/[0-9a-f-]{36}/[a-z0-9./-]+") && !key.contains(".."));
	}

	static String recording(String id) {
		return "/api/v1/meetings/" + id + "/recording";
	}

	static String uploads(String id) {
		return "/api/v1/meetings/" + id + "/uploads";
	}

	/** A PCM WAV whose header says what the caller wants, true or not. */
	static byte[] wav(int sampleRate, int channels, int bits, int dataSize, byte[] body) {
		byte[] header = WavWriter.header(sampleRate, channels, bits, Integer.toUnsignedLong(dataSize));
		byte[] all = Arrays.copyOf(header, header.length + body.length);
		System.arraycopy(body, 0, all, header.length, body.length);
		return all;
	}

	static void ffmpeg(String... arguments) throws Exception {
		List<String> command = new java.util.ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor()).as(output).isZero();
	}

	/**
	 * What a client and the store see of a meeting: state, transcript, minutes and stored
	 * bytes.
	 */
	record Snapshot(String state, String transcript, String minutes, List<String> keys, String recordingSha256) {

		static Snapshot of(Api api, ObjectStore store, String id) {
			JsonNode meeting = api.meeting(id);
			String prefix = store.list("")
				.stream()
				.filter(key -> key.contains("/meetings/" + id + "/"))
				.findFirst()
				.map(key -> key.substring(0, key.indexOf("/meetings/") + 47))
				.orElseThrow();
			return new Snapshot(meeting.path("state").asString(),
					api.get("/api/v1/meetings/" + id + "/transcript").body(),
					api.get("/api/v1/meetings/" + id + "/minutes").body(), store.list(prefix),
					sha256(store.getBytes(prefix + "recording")));
		}

		private static String sha256(byte[] bytes) {
			try {
				return java.util.HexFormat.of()
					.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
			}
			catch (java.security.NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
