package io.aigenda.backend.auth;

import io.aigenda.backend.BackendProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Ensures the configured administrator on start, so a fresh installation can be used at
 * once.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

	private final Accounts accounts;

	private final BackendProperties properties;

	BootstrapAdmin(Accounts accounts, BackendProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		BackendProperties.Bootstrap bootstrap = this.properties.bootstrap();
		if (bootstrap.email() == null || bootstrap.email().isBlank() || bootstrap.password() == null
				|| bootstrap.password().isBlank()) {
			log.info("No bootstrap administrator configured");
			return;
		}
		this.accounts.ensureBootstrap(bootstrap.organisation(), bootstrap.email(), bootstrap.password(),
				bootstrap.apiToken());
		log.info("Bootstrap administrator {} in organisation {} is present", bootstrap.email(),
				bootstrap.organisation());
	}

}
