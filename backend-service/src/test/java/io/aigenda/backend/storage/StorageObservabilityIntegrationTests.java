package io.aigenda.backend.storage;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.aigenda.backend.BackendIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** S3 in readiness and in the byte counters, against the in-process S3 server. */
class StorageObservabilityIntegrationTests extends BackendIntegrationTest {

	@Autowired
	ObjectStore store;

	@Autowired
	S3HealthIndicator health;

	@Autowired
	S3Client s3;

	@Autowired
	S3Properties properties;

	@Autowired
	MeterRegistry registry;

	@Autowired
	HealthEndpointGroups groups;

	@Test
	void readinessIncludesTheBucket() {
		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
		assertThat(this.groups.get("readiness").isMember("s3")).isTrue();
		assertThat(this.groups.get("readiness").isMember("db")).isTrue();
		assertThat(this.groups.get("readiness").isMember("rabbit")).isTrue();
		HttpResponse<String> readiness = get("/actuator/health/readiness", null);
		assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
	}

	@Test
	void aBucketThatCannotBeReachedIsDown() {
		S3Properties missing = new S3Properties(this.properties.endpoint(), this.properties.region(),
				this.properties.accessKey(), this.properties.secretKey(), "no-such-bucket-here", true);

		assertThat(new S3HealthIndicator(this.s3, missing).health().getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void bytesWrittenAndReadAreCounted() {
		double in = bytes("in");
		double out = bytes("out");
		byte[] document = "{\"summary\": \"counted\"}".getBytes(StandardCharsets.UTF_8);

		this.store.putBytes("test/counted.json", document, "application/json");
		assertThat(this.store.getBytes("test/counted.json")).isEqualTo(document);
		this.store.delete("test/counted.json");

		assertThat(bytes("in") - in).isEqualTo(document.length);
		assertThat(bytes("out") - out).isEqualTo(document.length);
		assertThat(get("/actuator/prometheus", null).body()).contains("aigenda_s3_bytes_total{direction=\"in\"");
	}

	private double bytes(String direction) {
		var counter = this.registry.find("aigenda.s3.bytes").tag("direction", direction).counter();
		return (counter == null) ? 0 : counter.count();
	}

}
