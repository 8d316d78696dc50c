package io.aigenda.diarization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/** The small models and PyTorch reference outputs in src/test/resources/models. */
public final class TestModels {

	private TestModels() {
	}

	/** A model file's path. */
	public static String model(String name) {
		try {
			return Path.of(TestModels.class.getResource("/models/" + name).toURI()).toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A little-endian float32 reference output. */
	public static float[] floats(String name) {
		try (InputStream in = TestModels.class.getResourceAsStream("/models/" + name)) {
			ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
			float[] values = new float[bytes.remaining() / 4];
			bytes.asFloatBuffer().get(values);
			return values;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
