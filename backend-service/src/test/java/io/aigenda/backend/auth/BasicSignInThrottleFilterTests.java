package io.aigenda.backend.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class BasicSignInThrottleFilterTests {

	private Instant now = Instant.parse("2026-01-01T10:00:00Z");

	private final SignInThrottle throttle = new SignInThrottle(3, Duration.ofMinutes(15), new Clock() {
		@Override
		public Instant instant() {
			return BasicSignInThrottleFilterTests.this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}
	});

	private final BasicSignInThrottleFilter filter = new BasicSignInThrottleFilter(this.throttle,
			JsonMapper.builder().build());

	private final AtomicInteger passedOn = new AtomicInteger();

	@Test
	void basicForAnAccountThatFailedTooOftenIsRefusedWith429UntilTheWindowPasses() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.throttle.failed("ann@example.org", "10.0.0.1");
		}
		MockHttpServletResponse refused = send("Ann@Example.org", "the-right-password", "10.0.0.1");
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isEqualTo(15 * 60);
		assertThat(refused.getContentType()).startsWith("application/problem+json");
		assertThat(refused.getContentAsString()).contains("too-many-sign-in-attempts").doesNotContain("Exception");
		assertThat(this.passedOn).hasValue(0);

		// another address, or another account, is not held back
		assertThat(send("ann@example.org", "x", "10.0.0.2").getStatus()).isEqualTo(200);
		assertThat(send("bob@example.org", "x", "10.0.0.1").getStatus()).isEqualTo(200);
		this.now = this.now.plus(Duration.ofMinutes(15)).plusSeconds(1);
		assertThat(send("ann@example.org", "the-right-password", "10.0.0.1").getStatus()).isEqualTo(200);
		assertThat(this.passedOn).hasValue(3);
	}

	@Test
	void requestsWithoutBasicCredentialsPassUntouched() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.throttle.failed("ann@example.org", "10.0.0.1");
		}
		for (String header : new String[] { null, "Bearer agk_x", "Basic !!not-base64!!",
				"Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)) }) {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/me");
			request.setRemoteAddr("10.0.0.1");
			if (header != null) {
				request.addHeader("Authorization", header);
			}
			MockHttpServletResponse response = new MockHttpServletResponse();
			this.filter.doFilter(request, response, (req, res) -> this.passedOn.incrementAndGet());
			assertThat(response.getStatus()).isEqualTo(200);
		}
		assertThat(this.passedOn).hasValue(4);
	}

	private MockHttpServletResponse send(String email, String password, String address) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/me");
		request.setRemoteAddr(address);
		request.addHeader("Authorization", "Basic "
				+ Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8)));
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, (req, res) -> this.passedOn.incrementAndGet());
		return response;
	}

}
