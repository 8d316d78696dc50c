package io.aigenda.infra;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedBrokerTests {

	@TempDir
	static Path workDir;

	static EmbeddedBroker broker;

	@BeforeAll
	static void start() {
		broker = EmbeddedBroker.start(workDir.resolve("broker"), 0);
	}

	@AfterAll
	static void stop() {
		broker.close();
	}

	private static ConnectionFactory factory() {
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost(broker.host());
		factory.setPort(broker.port());
		factory.setUsername(broker.username());
		factory.setPassword(broker.password());
		return factory;
	}

	@Test
	void messagePublishedThroughAnExchangeReachesTheBoundQueue() throws Exception {
		try (Connection connection = factory().newConnection(); Channel channel = connection.createChannel()) {
			channel.exchangeDeclare("test.commands", "direct", true);
			channel.queueDeclare("test.asr.transcribe", true, false, false, null);
			channel.queueBind("test.asr.transcribe", "test.commands", "asr.transcribe");
			BlockingQueue<String> received = new ArrayBlockingQueue<>(1);
			channel.basicConsume("test.asr.transcribe", false, (tag, delivery) -> {
				// ack before handing the body over: once the test has it, it closes the
				// channel, and an ack
				// on a closed channel would fail this callback and turn the clean close
				// into an error
				channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
				received.offer(new String(delivery.getBody(), StandardCharsets.UTF_8));
			}, tag -> {
			});

			channel.basicPublish("test.commands", "asr.transcribe", MessageProperties.PERSISTENT_TEXT_PLAIN,
					"{\"meetingId\":\"m1\"}".getBytes(StandardCharsets.UTF_8));

			assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("{\"meetingId\":\"m1\"}");
		}
	}

	@Test
	void connectionToTheRabbitMqDefaultVirtualHostIsAccepted() throws Exception {
		ConnectionFactory factory = factory();
		factory.setVirtualHost("/");
		try (Connection connection = factory.newConnection()) {
			assertThat(connection.isOpen()).isTrue();
		}
	}

	@Test
	void wrongPasswordIsRefused() {
		ConnectionFactory factory = factory();
		factory.setPassword("not-the-password");

		assertThatThrownBy(factory::newConnection).isInstanceOf(Exception.class);
	}

}
