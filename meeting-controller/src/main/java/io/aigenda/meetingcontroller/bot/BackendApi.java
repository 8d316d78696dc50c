package io.aigenda.meetingcontroller.bot;

import java.net.URI;
import java.time.Duration;

import io.aigenda.contracts.internal.InternalApiClient;
import io.aigenda.meetingcontroller.recorder.RecorderProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The backend's internal bot endpoints (recorder tokens, state reports), called through
 * the shared client with the service token.
 */
@Configuration(proxyBeanMethods = false)
class BackendApi {

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	@Bean
	InternalApiClient backend(RecorderProperties properties) {
		return client(properties);
	}

	static InternalApiClient client(RecorderProperties properties) {
		return new InternalApiClient(URI.create(properties.backendUrl()), properties.serviceToken(), CONNECT_TIMEOUT,
				REQUEST_TIMEOUT);
	}

}
