package io.aigenda.backend.search;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the backend asks search questions: the ml-controller owns the vector store.
 *
 * @param mlControllerUrl the ml-controller's HTTP root
 * @param timeout for one search or question
 */
@ConfigurationProperties("aigenda.backend.search")
public record SearchProperties(@DefaultValue("http://127.0.0.1:8081") URI mlControllerUrl,
		@DefaultValue("30s") Duration timeout) {
}
