package io.aigenda.messaging;

import java.time.Duration;

import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Graceful stop of the listeners, so a rolling update loses no work: on shutdown a
 * listener takes no new message and gets {@code aigenda.messaging.shutdown.timeout} to
 * finish the one in hand (and acknowledge it). A message still unfinished then is not
 * acknowledged, so the broker returns it to its queue when the channel closes and another
 * worker takes it. Keep {@code spring.lifecycle.timeout-per-shutdown-phase} and the
 * orchestrator's grace period (Compose {@code stop_grace_period}, Kubernetes
 * {@code terminationGracePeriodSeconds}) at least as long.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
public class ListenerShutdownAutoConfiguration {

	@Bean
	static BeanPostProcessor listenerShutdownTimeout(Environment environment) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof SimpleRabbitListenerContainerFactory factory) {
					long timeout = Binder.get(environment)
						.bindOrCreate("aigenda.messaging.shutdown", ShutdownProperties.class)
						.timeout()
						.toMillis();
					factory.setContainerCustomizer(container -> container.setShutdownTimeout(timeout));
				}
				return bean;
			}
		};
	}

	/**
	 * @param timeout how long a stopping listener may finish its in-flight message
	 */
	@ConfigurationProperties("aigenda.messaging.shutdown")
	public record ShutdownProperties(@DefaultValue("2m") Duration timeout) {

	}

}
