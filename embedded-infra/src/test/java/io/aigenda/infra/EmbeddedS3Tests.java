package io.aigenda.infra;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedS3Tests {

	private static final String BUCKET = "meetings";

	@TempDir
	static Path dataDir;

	static EmbeddedS3 s3;

	static S3Client client;

	static S3Presigner presigner;

	static final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start() {
		s3 = EmbeddedS3.start(dataDir.resolve("s3"), 0);
		var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()));
		var pathStyle = S3Configuration.builder().pathStyleAccessEnabled(true).build();
		client = S3Client.builder()
			.endpointOverride(URI.create(s3.endpoint()))
			.region(Region.US_EAST_1)
			.credentialsProvider(credentials)
			.serviceConfiguration(pathStyle)
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.build();
		presigner = S3Presigner.builder()
			.endpointOverride(URI.create(s3.endpoint()))
			.region(Region.US_EAST_1)
			.credentialsProvider(credentials)
			.serviceConfiguration(pathStyle)
			.build();
		client.createBucket(b -> b.bucket(BUCKET));
	}

	@AfterAll
	static void stop() {
		presigner.close();
		client.close();
		s3.close();
	}

	@Test
	void endpointIsLoopbackOnTheBoundPort() {
		assertThat(s3.port()).isPositive();
		assertThat(s3.endpoint()).isEqualTo("http://127.0.0.1:" + s3.port());
		assertThat(s3.accessKey()).isNotBlank();
		assertThat(s3.secretKey()).isNotBlank().isNotEqualTo(s3.accessKey());
	}

	@Test
	void objectPutWithTheSdkIsReadBackAndStoredInTheDataFolder() throws Exception {
		client.putObject(b -> b.bucket(BUCKET).key("orgs/1/meetings/2/recording"), RequestBody.fromString("hello s3"));

		String read = client.getObjectAsBytes(b -> b.bucket(BUCKET).key("orgs/1/meetings/2/recording")).asUtf8String();

		assertThat(read).isEqualTo("hello s3");
		try (var files = Files.walk(dataDir.resolve("s3").resolve(BUCKET))) {
			assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())).contains("recording");
		}
	}

	@Test
	void objectPutThroughPresignedUrlIsReadThroughPresignedUrl() throws Exception {
		String key = "orgs/1/meetings/3/artifacts/transcript.json";
		URI put = presigner
			.presignPutObject(
					p -> p.signatureDuration(Duration.ofMinutes(5)).putObjectRequest(o -> o.bucket(BUCKET).key(key)))
			.url()
			.toURI();
		URI get = presigner
			.presignGetObject(
					p -> p.signatureDuration(Duration.ofMinutes(5)).getObjectRequest(o -> o.bucket(BUCKET).key(key)))
			.url()
			.toURI();

		HttpResponse<String> putResponse = http.send(HttpRequest.newBuilder(put)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"words\":[]}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> getResponse = http.send(HttpRequest.newBuilder(get).GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

		assertThat(putResponse.statusCode()).isEqualTo(200);
		assertThat(getResponse.statusCode()).isEqualTo(200);
		assertThat(getResponse.body()).isEqualTo("{\"words\":[]}");
		assertThat(client.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asUtf8String()).isEqualTo("{\"words\":[]}");
	}

	@Test
	void presignedGetUrlOfOneKeyCannotListTheBucket() throws Exception {
		client.putObject(b -> b.bucket(BUCKET).key("orgs/1/meetings/4/recording"), RequestBody.fromString("secret"));
		URI get = presigner
			.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
				.getObjectRequest(o -> o.bucket(BUCKET).key("orgs/1/meetings/4/recording")))
			.url()
			.toURI();
		URI list = URI.create(s3.endpoint() + "/" + BUCKET + "?" + get.getRawQuery());

		HttpResponse<String> response = http.send(HttpRequest.newBuilder(list).GET().build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).doesNotContain("orgs/1/meetings/4/recording");
	}

	@Test
	void unsignedRequestIsRejected() throws Exception {
		client.putObject(b -> b.bucket(BUCKET).key("orgs/1/meetings/5/recording"), RequestBody.fromString("private"));

		HttpResponse<String> response = http
			.send(HttpRequest.newBuilder(URI.create(s3.endpoint() + "/" + BUCKET + "/orgs/1/meetings/5/recording"))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(403);
	}

}
