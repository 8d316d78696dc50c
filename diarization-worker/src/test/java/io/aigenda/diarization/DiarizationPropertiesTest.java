package io.aigenda.diarization;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class DiarizationPropertiesTest {

	@Test
	void defaultsOutsideSpringMatchTheBoundDefaults() {
		new ApplicationContextRunner().withUserConfiguration(Bound.class)
			.run(context -> assertThat(context.getBean(DiarizationProperties.class))
				.isEqualTo(DiarizationProperties.defaults()));
	}

	@Test
	void theWorkersConfigurationFileKeepsEveryDefault() throws IOException {
		MutablePropertySources file = new MutablePropertySources();
		new YamlPropertySourceLoader()
			.load("diarization-worker", new ClassPathResource(DiarizationWorkerApplication.CONFIG_NAME + ".yml"))
			.forEach(file::addLast);
		Binder binder = new Binder(ConfigurationPropertySources.from(file),
				new PropertySourcesPlaceholdersResolver(file));
		assertThat(binder.bindOrCreate("aigenda.diarization", DiarizationProperties.class))
			.isEqualTo(DiarizationProperties.defaults());
	}

	@Test
	void configuredValuesAreBound() {
		new ApplicationContextRunner().withUserConfiguration(Bound.class)
			.withPropertyValues("aigenda.diarization.clustering.threshold=0.8",
					"aigenda.diarization.segmentation.window-seconds=2.0")
			.run(context -> {
				DiarizationProperties properties = context.getBean(DiarizationProperties.class);
				assertThat(properties.clustering().threshold()).isEqualTo(0.8);
				assertThat(properties.segmentation().windowSeconds()).isEqualTo(2.0);
				assertThat(properties.segmentation().hopSeconds()).isEqualTo(0.75);
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DiarizationProperties.class)
	static class Bound {

	}

}
