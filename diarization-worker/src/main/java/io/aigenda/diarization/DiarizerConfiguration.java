package io.aigenda.diarization;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DiarizerConfiguration {

	@Bean(destroyMethod = "close")
	Diarizer diarizer(DiarizationProperties properties) {
		return Diarizer.create(properties);
	}

}
