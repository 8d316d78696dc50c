package io.aigenda.backend.web;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * Request bodies of the API are read strictly: a field the operation does not take is
 * refused (400, {@code unknown-field}) instead of silently dropped, so a misspelt or
 * forged field ({@code organisationId}, {@code state}) is seen by its sender. Only the
 * server's JSON converter is strict; the application's own mapper keeps reading documents
 * (ffprobe output, worker results) that may carry more than we use.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonBodies {

	/**
	 * Runs after Spring Boot's own JSON customizer (order 0), so its converter is the one
	 * replaced.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	ServerHttpMessageConvertersCustomizer strictJsonBodiesCustomizer(JsonMapper jsonMapper) {
		JsonMapper strict = jsonMapper.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		return (builder) -> builder.withJsonConverter(new JacksonJsonHttpMessageConverter(strict));
	}

}
