package io.aigenda.meetingcontroller.recorder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The provider is configuration ({@code aigenda.meeting-controller.provider}), never an
 * if in the lifecycle.
 */
@Configuration(proxyBeanMethods = false)
class RecorderProviderConfiguration {

	@Bean
	RecorderProvider recorderProvider(RecorderProperties properties) {
		return switch (properties.provider()) {
			case LOCAL -> new LocalRecorderProvider(properties.local());
			case OPENSTACK -> new OpenStackRecorderProvider(properties.openstack());
		};
	}

}
