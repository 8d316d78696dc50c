package io.aigenda.messaging;

import java.nio.charset.StandardCharsets;

import io.aigenda.contracts.MessageTypes;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.amqp.support.converter.MessageConverter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON bodies with the logical type id from {@link MessageTypes} in a header. A message
 * without a known type id cannot be converted; the listener's recoverer then dead-letters
 * it with the reason.
 */
public class ContractMessageConverter implements MessageConverter {

	private final JsonMapper json;

	public ContractMessageConverter() {
		// Tolerant reader: a newer producer may add fields an older consumer does not
		// know yet.
		this.json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

	@Override
	public Message toMessage(Object object, MessageProperties properties) {
		properties.setHeader(MessageTypes.HEADER, MessageTypes.idOf(object.getClass()));
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setContentEncoding("UTF-8");
		byte[] body = this.json.writeValueAsBytes(object);
		properties.setContentLength(body.length);
		return new Message(body, properties);
	}

	@Override
	public Object fromMessage(Message message) {
		Object header = message.getMessageProperties().getHeader(MessageTypes.HEADER);
		if (header == null) {
			throw new MessageConversionException("Message has no " + MessageTypes.HEADER + " header");
		}
		Class<?> type = MessageTypes.classOf(header.toString())
			.orElseThrow(() -> new MessageConversionException("Unknown message type " + header));
		try {
			return this.json.readValue(message.getBody(), type);
		}
		catch (JacksonException ex) {
			throw new MessageConversionException("Body of " + header + " is not valid: " + ex.getOriginalMessage(), ex);
		}
	}

	/** The body as text, for logs and dead-letter inspection. */
	static String bodyText(Message message) {
		return new String(message.getBody(), StandardCharsets.UTF_8);
	}

}
