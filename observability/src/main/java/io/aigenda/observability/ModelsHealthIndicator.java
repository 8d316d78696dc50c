package io.aigenda.observability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Down while a model this service needs is missing or unreadable (a volume not mounted, a
 * download not finished), so readiness keeps traffic, and queue messages, away from it.
 */
class ModelsHealthIndicator implements HealthIndicator {

	private final List<String> paths;

	ModelsHealthIndicator(List<String> paths) {
		this.paths = paths;
	}

	@Override
	public Health health() {
		List<String> missing = paths.stream().filter(path -> !Files.isReadable(Path.of(path))).toList();
		Health.Builder health = missing.isEmpty() ? Health.up() : Health.down().withDetail("missing", missing);
		return health.withDetail("models", paths).build();
	}

}
