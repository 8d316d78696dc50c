package io.aigenda.backend.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.aigenda.backend.BackendProperties;
import io.aigenda.backend.problem.ApiException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@code maxFailures} wrong passwords for one account from
 * one address within {@code window}, that account is refused from that address (429)
 * until the oldest failure leaves the window. A success clears the count. Kept in memory:
 * a restart forgets it, which costs an attacker a restart per window, and each backend
 * replica counts on its own. The form ({@link SessionController}) and HTTP Basic
 * ({@link BasicSignInThrottleFilter}) share the count.
 */
@Component
class SignInThrottle {

	/**
	 * Beyond this many tracked pairs, stale ones are swept, so made-up e-mails cannot
	 * fill the heap.
	 */
	private static final int SWEEP_ABOVE = 10_000;

	private final int maxFailures;

	private final Duration window;

	private final Clock clock;

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	@Autowired
	SignInThrottle(BackendProperties properties) {
		this(properties.signIn().maxFailures(), properties.signIn().window(), Clock.systemUTC());
	}

	SignInThrottle(int maxFailures, Duration window, Clock clock) {
		this.maxFailures = maxFailures;
		this.window = window;
		this.clock = clock;
	}

	/**
	 * Refuses with 429 when this account has failed too often from this address lately.
	 */
	void check(String email, String address) {
		Deque<Instant> recent = this.failures.get(key(email, address));
		if (recent == null) {
			return;
		}
		synchronized (recent) {
			Instant now = this.clock.instant();
			prune(recent, now);
			if (recent.size() >= this.maxFailures) {
				long wait = Math.max(1, Duration.between(now, recent.peekFirst().plus(this.window)).toSeconds());
				throw new TooManySignInsException(wait);
			}
		}
	}

	void failed(String email, String address) {
		if (this.failures.size() > SWEEP_ABOVE) {
			sweep();
		}
		Deque<Instant> recent = this.failures.computeIfAbsent(key(email, address), k -> new ArrayDeque<>());
		synchronized (recent) {
			recent.addLast(this.clock.instant());
		}
	}

	void succeeded(String email, String address) {
		this.failures.remove(key(email, address));
	}

	private void sweep() {
		Instant now = this.clock.instant();
		this.failures.entrySet().removeIf(entry -> {
			synchronized (entry.getValue()) {
				prune(entry.getValue(), now);
				return entry.getValue().isEmpty();
			}
		});
	}

	private void prune(Deque<Instant> recent, Instant now) {
		while (!recent.isEmpty() && !recent.peekFirst().plus(this.window).isAfter(now)) {
			recent.removeFirst();
		}
	}

	private static String key(String email, String address) {
		return email.strip().toLowerCase(Locale.ROOT) + "|" + address;
	}

	/** 429 with the seconds to wait, for the {@code Retry-After} header. */
	static final class TooManySignInsException extends ApiException {

		private final long retryAfterSeconds;

		TooManySignInsException(long retryAfterSeconds) {
			super(HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-in-attempts",
					"Too many wrong passwords for this account from this address; try again in "
							+ Math.max(1, (retryAfterSeconds + 59) / 60) + " minute(s)");
			this.retryAfterSeconds = retryAfterSeconds;
		}

		long retryAfterSeconds() {
			return this.retryAfterSeconds;
		}

	}

}
