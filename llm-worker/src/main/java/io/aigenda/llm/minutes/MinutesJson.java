package io.aigenda.llm.minutes;

import java.util.List;

import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.Minutes;
import io.aigenda.contracts.MinutesSchema;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads transcripts and writes minutes as JSON; minutes leave only when the schema
 * accepts them.
 */
public final class MinutesJson {

	// Tolerant reader: a newer controller may add fields to the transcript.
	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private MinutesJson() {
	}

	public static MeetingTranscript readTranscript(byte[] json) {
		return JSON.readValue(json, MeetingTranscript.class);
	}

	public static String writeTranscript(MeetingTranscript transcript) {
		return JSON.writeValueAsString(transcript);
	}

	/**
	 * The minutes as JSON.
	 * @throws InvalidMinutesException when the document does not match the minutes schema
	 */
	public static String write(Minutes minutes) {
		String json = JSON.writeValueAsString(minutes);
		List<String> errors = MinutesSchema.validate(json);
		if (!errors.isEmpty()) {
			throw new InvalidMinutesException("The minutes do not match the schema: " + String.join("; ", errors));
		}
		return json;
	}

	public static Minutes read(String json) {
		return JSON.readValue(json, Minutes.class);
	}

}
