package io.aigenda.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** Validates minutes JSON against {@code minutes.schema.json}. */
public final class MinutesSchema {

	public static final String RESOURCE = "/io/aigenda/contracts/minutes.schema.json";

	private static final Schema SCHEMA = load();

	private MinutesSchema() {
	}

	/** The schema document itself, as text. */
	public static String text() {
		try (InputStream in = MinutesSchema.class.getResourceAsStream(RESOURCE)) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Validation errors, one line each; empty when the document is valid. */
	public static List<String> validate(String json) {
		List<Error> errors = SCHEMA.validate(json, com.networknt.schema.InputFormat.JSON);
		return errors.stream().map(Error::toString).toList();
	}

	private static Schema load() {
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
		return registry.getSchema(text());
	}

}
