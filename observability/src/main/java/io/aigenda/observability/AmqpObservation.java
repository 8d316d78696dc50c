package io.aigenda.observability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.aigenda.messaging.ContractMessageConverter;
import org.aopalliance.aop.Advice;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Turns on Spring AMQP's Micrometer observation for every template and listener
 * container, whoever created them: publishing then writes the W3C {@code traceparent}
 * header and receiving continues that trace, so one meeting's way through all services is
 * one trace. Also times every delivery ({@code spring.rabbit.listener}), measures how
 * long each message waited in its queue and adds the meeting context to the logs.
 */
class AmqpObservation implements BeanPostProcessor {

	private final ObjectProvider<PipelineMeters> meters;

	AmqpObservation(ObjectProvider<PipelineMeters> meters) {
		this.meters = meters;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean.getClass() == ContractMessageConverter.class) {
			// The same conversion, plus the step meters of every event this service
			// publishes.
			return new StepEventMeters(meters);
		}
		if (bean instanceof RabbitTemplate template) {
			template.setObservationEnabled(true);
		}
		else if (bean instanceof SimpleRabbitListenerContainerFactory factory) {
			factory.setObservationEnabled(true);
		}
		return bean;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof SimpleRabbitListenerContainerFactory factory) {
			// Outermost, so the meeting is in the log context for retries and
			// dead-lettering too.
			List<Advice> chain = new ArrayList<>();
			chain.add(new MeetingContextAdvice());
			chain.add(new QueueWaitAdvice(meters));
			Advice[] existing = factory.getAdviceChain();
			if (existing != null) {
				chain.addAll(Arrays.asList(existing));
			}
			factory.setAdviceChain(chain.toArray(Advice[]::new));
		}
		return bean;
	}

}
