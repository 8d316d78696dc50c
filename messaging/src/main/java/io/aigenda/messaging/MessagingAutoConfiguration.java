package io.aigenda.messaging;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.config.RetryInterceptorBuilder;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Wires every service the same way: the topology, JSON conversion by logical type id,
 * publisher confirms, and listeners with explicit acknowledgement, bounded retries with
 * back-off and an application-level dead-letter path.
 */
// Before Boot's Rabbit auto-configuration, so its default listener factory backs off for
// ours and its
// RabbitTemplate picks up our converter; the beans we use from it are resolved when
// created.
@AutoConfiguration(beforeName = "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration")
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(MessagingAutoConfiguration.class);

	@Bean
	Topology topology(MessagingProperties properties) {
		return new Topology(properties.namespace());
	}

	@Bean
	ContractMessageConverter contractMessageConverter() {
		return new ContractMessageConverter();
	}

	@Bean
	Declarables aigendaTopology(Topology topology, MessagingProperties properties,
			ConnectionFactory connectionFactory) {
		return TopologyDeclarations.declare(topology, isRabbitMq(properties, connectionFactory));
	}

	/**
	 * Declares the topology once every singleton exists and before listener containers
	 * start. The admin otherwise declares only when a connection opens, and the broker
	 * probe above opens the first one before the admin is listening, so a service without
	 * listeners would never declare. Declarations are idempotent; if the broker is down
	 * now, the admin declares on reconnect.
	 */
	@Bean
	static SmartInitializingSingleton declareTopologyAtStartup(ObjectProvider<AmqpAdmin> admins) {
		return () -> admins.orderedStream().forEach(admin -> {
			try {
				admin.initialize();
			}
			catch (RuntimeException ex) {
				log.warn("Could not declare the AMQP topology now ({}); it is declared on the next connection",
						ex.getMessage());
			}
		});
	}

	@Bean
	Messages messages(RabbitTemplate rabbitTemplate, Topology topology, ContractMessageConverter converter) {
		rabbitTemplate.setMessageConverter(converter);
		return new Messages(rabbitTemplate, topology);
	}

	/**
	 * Relays wait for publisher confirms; simple confirms need no callbacks. Set before
	 * the first connection is opened, unless the service configured a confirm type
	 * itself.
	 */
	@Bean
	static BeanPostProcessor simplePublisherConfirms() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof CachingConnectionFactory caching && !caching.isSimplePublisherConfirms()
						&& !caching.isPublisherConfirms()) {
					caching.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
				}
				return bean;
			}
		};
	}

	@Bean
	DeadLetterRecoverer deadLetterRecoverer(RabbitTemplate rabbitTemplate, Topology topology) {
		return new DeadLetterRecoverer(rabbitTemplate, topology);
	}

	@Bean
	SimpleRabbitListenerContainerFactory rabbitListenerContainerFactory(ConnectionFactory connectionFactory,
			ContractMessageConverter converter, DeadLetterRecoverer recoverer, MessagingProperties properties) {
		SimpleRabbitListenerContainerFactory factory = new SimpleRabbitListenerContainerFactory();
		factory.setConnectionFactory(connectionFactory);
		factory.setMessageConverter(converter);
		factory.setAcknowledgeMode(AcknowledgeMode.AUTO);
		factory.setPrefetchCount(properties.prefetch());
		factory.setConcurrentConsumers(properties.concurrency());
		factory.setDefaultRequeueRejected(false);
		factory.setMissingQueuesFatal(false);
		factory.setAdviceChain(RetryInterceptorBuilder.stateless()
			.retryPolicy(new DeliveryRetryPolicy(properties.maxAttempts()))
			.recoverer(recoverer)
			.build());
		return factory;
	}

	private static boolean isRabbitMq(MessagingProperties properties, ConnectionFactory connectionFactory) {
		if (properties.broker() != MessagingProperties.Broker.AUTO) {
			return properties.broker() == MessagingProperties.Broker.RABBITMQ;
		}
		try (Connection connection = connectionFactory.createConnection()) {
			Map<String, Object> server = connection.getDelegate().getServerProperties();
			String product = String.valueOf(server.get("product"));
			log.info("AMQP broker is {} {}", product, server.get("version"));
			return product.toLowerCase(java.util.Locale.ROOT).contains("rabbitmq");
		}
		catch (RuntimeException ex) {
			log.warn("Could not ask the broker what it is ({}); assuming RabbitMQ", ex.getMessage());
			return true;
		}
	}

}
