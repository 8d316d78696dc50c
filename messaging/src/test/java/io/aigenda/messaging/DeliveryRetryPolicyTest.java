package io.aigenda.messaging;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryRetryPolicyTest {

	private final DeliveryRetryPolicy policy = new DeliveryRetryPolicy(3);

	@Test
	void aMessageThatFailsOnItsOwnIsTriedMaxAttemptsTimesQuickly() {
		assertThat(delays(new IllegalStateException("cannot handle this"), 10)).containsExactly(200L, 400L);
	}

	@Test
	void aMessageThatFailsBecauseTheDatabaseIsUnreachableIsTriedForAboutAMinute() {
		RuntimeException failure = new RuntimeException("Listener failed",
				new RuntimeException("Could not open JDBC Connection for transaction",
						new SQLTransientConnectionException("Connection is not available, request timed out")));
		List<Long> delays = delays(failure, 100);
		assertThat(delays).hasSize(DeliveryRetryPolicy.INFRASTRUCTURE_RETRIES)
			.startsWith(200L, 400L, 800L, 1600L, 3200L, 5000L)
			.allSatisfy(delay -> assertThat(delay).isLessThanOrEqualTo(5000L));
		assertThat(delays.stream().mapToLong(Long::longValue).sum()).isBetween(50_000L, 70_000L);
	}

	@Test
	void postgresqlConnectionAndShutdownStatesCountAsTheDatabaseBeingAway() {
		assertThat(DeliveryRetryPolicy
			.infrastructure(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
		assertThat(DeliveryRetryPolicy.infrastructure(new SQLException("An I/O error occurred", "08006"))).isTrue();
		assertThat(DeliveryRetryPolicy.infrastructure(new SQLException("duplicate key", "23505"))).isFalse();
		assertThat(DeliveryRetryPolicy.infrastructure(new IllegalArgumentException("bad message"))).isFalse();
	}

	@Test
	void aDatabaseOutageAfterOrdinaryFailuresStillGetsItsMinute() {
		BackOffExecution execution = this.policy.getBackOff().start();
		this.policy.shouldRetry(new IllegalStateException("first"));
		assertThat(execution.nextBackOff()).isEqualTo(200L);
		this.policy.shouldRetry(new RuntimeException(new SQLException("connection refused", "08001")));
		assertThat(execution.nextBackOff()).isEqualTo(200L);
		this.policy.shouldRetry(new IllegalStateException("again"));
		assertThat(execution.nextBackOff()).isEqualTo(400L);
		this.policy.shouldRetry(new IllegalStateException("and again"));
		assertThat(execution.nextBackOff()).isEqualTo(BackOffExecution.STOP);
	}

	/** The back-offs the policy grants for the same failure, until it stops. */
	private List<Long> delays(Throwable failure, int limit) {
		BackOffExecution execution = this.policy.getBackOff().start();
		List<Long> delays = new ArrayList<>();
		for (int i = 0; i < limit; i++) {
			assertThat(this.policy.shouldRetry(failure)).isTrue();
			long delay = execution.nextBackOff();
			if (delay == BackOffExecution.STOP) {
				break;
			}
			delays.add(delay);
		}
		return delays;
	}

}
