package io.aigenda.backend.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInThrottleTests {

	private Instant now = Instant.parse("2026-01-01T10:00:00Z");

	private final SignInThrottle throttle = new SignInThrottle(3, Duration.ofMinutes(15), new Clock() {
		@Override
		public Instant instant() {
			return SignInThrottleTests.this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	});

	@Test
	void anAccountIsRefusedFromAnAddressAfterTooManyWrongPasswordsUntilTheWindowPasses() {
		for (int i = 0; i < 3; i++) {
			this.throttle.check("Ann@Example.org", "10.0.0.1");
			this.throttle.failed("ann@example.org", "10.0.0.1");
		}

		assertThatThrownBy(() -> this.throttle.check("ann@example.org ", "10.0.0.1")).isInstanceOfSatisfying(
				SignInThrottle.TooManySignInsException.class, ex -> assertThat(ex.retryAfterSeconds()).isEqualTo(900));
		// another address, and another account from the same address, are not affected
		assertThatNoException().isThrownBy(() -> this.throttle.check("ann@example.org", "10.0.0.2"));
		assertThatNoException().isThrownBy(() -> this.throttle.check("bob@example.org", "10.0.0.1"));

		this.now = this.now.plus(Duration.ofMinutes(15));
		assertThatNoException().isThrownBy(() -> this.throttle.check("ann@example.org", "10.0.0.1"));
	}

	@Test
	void aSuccessfulSignInClearsTheCount() {
		this.throttle.failed("ann@example.org", "10.0.0.1");
		this.throttle.failed("ann@example.org", "10.0.0.1");
		this.throttle.succeeded("ann@example.org", "10.0.0.1");
		this.throttle.failed("ann@example.org", "10.0.0.1");

		assertThatNoException().isThrownBy(() -> this.throttle.check("ann@example.org", "10.0.0.1"));
	}

}
