package io.aigenda.mlcontroller.search;

import io.aigenda.mlcontroller.vector.VectorStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Semantic search, unless {@code aigenda.search.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "aigenda.search", name = "enabled", havingValue = "true", matchIfMissing = true)
class SearchConfiguration {

	@Bean
	MeetingSearch meetingSearch(VectorStore store, SearchProperties properties) {
		return new MeetingSearch(store, new TextEmbedder(properties), properties);
	}

}
