package io.aigenda.messaging;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * How often a listener tries a message before it is dead-lettered. A message that fails
 * on its own (content that cannot be handled, a bug) is tried {@code maxAttempts} times a
 * fraction of a second apart. One that fails because the database cannot be reached
 * (restarting, failing over, its connection cut) is fine: dead-lettering it would strand
 * its meeting, so it is tried again with growing delays for about a minute. Retries run
 * on the listener's thread, so the policy tells the two apart from the failure just
 * before each back-off.
 */
final class DeliveryRetryPolicy implements RetryPolicy {

	/** Tries after a database failure: 0.2, 0.4 ... 5 s apart, about a minute in all. */
	static final int INFRASTRUCTURE_RETRIES = 16;

	private static final long FIRST_DELAY_MILLIS = 200;

	private static final long MAX_ORDINARY_DELAY_MILLIS = 2_000;

	private static final long MAX_INFRASTRUCTURE_DELAY_MILLIS = 5_000;

	private final int maxAttempts;

	private final ThreadLocal<Boolean> lastFailureWasInfrastructure = ThreadLocal.withInitial(() -> false);

	DeliveryRetryPolicy(int maxAttempts) {
		this.maxAttempts = Math.max(1, maxAttempts);
	}

	@Override
	public boolean shouldRetry(Throwable failure) {
		if (unprocessable(failure)) {
			return false;
		}
		this.lastFailureWasInfrastructure.set(infrastructure(failure));
		return true;
	}

	/**
	 * Whether the message itself can never be handled, so another delivery is pointless.
	 */
	static boolean unprocessable(Throwable failure) {
		int depth = 0;
		for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
			if (t instanceof UnprocessableMessageException) {
				return true;
			}
		}
		return false;
	}

	@Override
	public BackOff getBackOff() {
		return Execution::new;
	}

	/**
	 * Whether the failure comes from a database that could not be reached, not from the
	 * message.
	 */
	static boolean infrastructure(Throwable failure) {
		int depth = 0;
		for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
			if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
					|| t instanceof SQLNonTransientConnectionException) {
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null
			// class 08: connection exception; 57P01-57P03: the server is shutting down or
			// starting
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
		}
		return false;
	}

	private final class Execution implements BackOffExecution {

		private int ordinaryRetries;

		private int infrastructureRetries;

		@Override
		public long nextBackOff() {
			if (DeliveryRetryPolicy.this.lastFailureWasInfrastructure.get()) {
				if (this.infrastructureRetries >= INFRASTRUCTURE_RETRIES) {
					return STOP;
				}
				return delay(this.infrastructureRetries++, MAX_INFRASTRUCTURE_DELAY_MILLIS);
			}
			if (this.ordinaryRetries >= DeliveryRetryPolicy.this.maxAttempts - 1) {
				return STOP;
			}
			return delay(this.ordinaryRetries++, MAX_ORDINARY_DELAY_MILLIS);
		}

		private static long delay(int retry, long max) {
			return Math.min(max, FIRST_DELAY_MILLIS << Math.min(retry, 20));
		}

	}

}
