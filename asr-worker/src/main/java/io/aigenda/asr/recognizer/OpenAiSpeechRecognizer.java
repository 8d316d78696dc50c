package io.aigenda.asr.recognizer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.aigenda.asr.AsrProperties;
import io.aigenda.audio.Audio;
import io.aigenda.audio.WavWriter;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.Word;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Speech recognition by an OpenAI-compatible {@code POST /v1/audio/transcriptions}
 * endpoint: a faster-whisper server (speaches), vLLM or whisper.cpp's server on a GPU
 * box, or OpenAI itself. Each piece of speech goes up as a 16 kHz mono WAV with
 * {@code response_format=verbose_json} and word and segment timestamps.
 * <p>
 * Failures are sorted by whether another attempt can help: a refusal (4xx: unknown model,
 * unreadable file, wrong key) fails the step with the server's own message; no
 * connection, a timeout, 429 and 5xx are retried.
 */
final class OpenAiSpeechRecognizer implements SpeechRecognizer {

	static final String ENGINE = "openai";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	private final URI endpoint;

	private final AsrProperties.OpenAi settings;

	private final HttpClient http;

	OpenAiSpeechRecognizer(AsrProperties.OpenAi settings) {
		if (settings.baseUrl() == null) {
			throw new IllegalStateException("The openai engine needs the transcription server's address:"
					+ " set aigenda.asr.openai.base-url (for example http://whisper-server:8000/v1)");
		}
		String base = settings.baseUrl().toString();
		this.endpoint = URI.create((base.endsWith("/") ? base : base + "/") + "audio/transcriptions");
		this.settings = settings;
		Duration connect = (settings.timeout().compareTo(MAX_CONNECT_TIMEOUT) < 0) ? settings.timeout()
				: MAX_CONNECT_TIMEOUT;
		this.http = HttpClient.newBuilder()
			.connectTimeout(connect)
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	@Override
	public String engine() {
		return ENGINE;
	}

	/** The server identifies the language itself when asked for "auto". */
	@Override
	public Language resolveLanguage(Language requested) {
		return Objects.requireNonNullElse(requested, Language.AUTO);
	}

	/**
	 * Whisper's own language identification on the server: the piece is transcribed
	 * without a language and the one the server reports is returned.
	 */
	@Override
	public Language identifyLanguage(Audio audio) {
		return WhisperLanguages.toPlatform(transcribe(audio, Language.AUTO).language());
	}

	@Override
	public List<Word> recognize(Audio audio, Language language) {
		VerboseTranscription result = transcribe(audio, language);
		if (language == null || language == Language.AUTO) {
			// the server chose the language: one the platform does not serve fails here
			// rather than giving words nobody can use
			WhisperLanguages.toPlatform(result.language());
		}
		return result.words();
	}

	private VerboseTranscription transcribe(Audio audio, Language language) {
		String boundary = "aigenda-" + UUID.randomUUID();
		HttpRequest.Builder request = HttpRequest.newBuilder(this.endpoint)
			.timeout(this.settings.timeout())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, audio, language)));
		if (this.settings.apiKey() != null) {
			request.header("Authorization", "Bearer " + this.settings.apiKey());
		}
		HttpResponse<String> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (HttpTimeoutException ex) {
			throw new TranscriptionServerException("The transcription server at " + this.endpoint
					+ " did not answer within " + this.settings.timeout().toSeconds() + " s", ex);
		}
		catch (ConnectException ex) {
			throw new TranscriptionServerException(
					"The transcription server at " + this.endpoint + " cannot be reached: connection refused", ex);
		}
		catch (IOException ex) {
			throw new TranscriptionServerException(
					"The transcription server at " + this.endpoint + " cannot be reached: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TranscriptionServerException("Interrupted while waiting for the transcription server", ex);
		}
		int status = response.statusCode();
		if (status / 100 == 2) {
			return VerboseTranscription.parse(response.body(), audio.durationSeconds());
		}
		String message = serverMessage(response.body());
		if (status == 408 || status == 429 || status >= 500) {
			throw new TranscriptionServerException("The transcription server failed (HTTP " + status + "): " + message);
		}
		throw new RecognitionException(
				"The transcription server refused the audio (HTTP " + status + "): " + message + hint(status));
	}

	private String hint(int status) {
		return switch (status) {
			case 401, 403 -> " (check aigenda.asr.openai.api-key)";
			case 404 -> " (check aigenda.asr.openai.base-url and model '" + this.settings.model() + "')";
			default -> "";
		};
	}

	private byte[] multipart(String boundary, Audio audio, Language language) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		field(body, boundary, "model", this.settings.model());
		field(body, boundary, "response_format", "verbose_json");
		field(body, boundary, "timestamp_granularities[]", "word");
		field(body, boundary, "timestamp_granularities[]", "segment");
		field(body, boundary, "temperature", "0");
		if (language != null && language != Language.AUTO) {
			field(body, boundary, "language", language.code());
		}
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"audio.wav\"\r\n"
				+ "Content-Type: audio/wav\r\n\r\n");
		body.writeBytes(WavWriter.bytes(audio));
		write(body, "\r\n--" + boundary + "--\r\n");
		return body.toByteArray();
	}

	private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
		write(body,
				"--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
	}

	private static void write(ByteArrayOutputStream body, String text) {
		body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The server's own words: OpenAI's {@code {"error": {"message": ...}}}, FastAPI's
	 * {@code {"detail": ...}} (speaches), or the body itself.
	 */
	static String serverMessage(String body) {
		String message = null;
		try {
			JsonNode root = JSON.readTree(body);
			if (root != null && root.isObject()) {
				JsonNode error = root.path("error");
				JsonNode detail = root.path("detail");
				if (error.isObject() && error.path("message").isString()) {
					message = error.path("message").asString();
				}
				else if (error.isString()) {
					message = error.asString();
				}
				else if (detail.isString()) {
					message = detail.asString();
				}
				else if (detail.isArray() && detail.path(0).path("msg").isString()) {
					message = detail.path(0).path("msg").asString();
				}
				else if (root.path("message").isString()) {
					message = root.path("message").asString();
				}
			}
		}
		catch (JacksonException ex) {
			// not JSON: a proxy's or a framework's plain text page
		}
		if (message == null) {
			message = (body == null || body.isBlank()) ? "no message" : body;
		}
		String line = message.replaceAll("\\s+", " ").strip();
		return (line.length() > 300) ? line.substring(0, 300) + "..." : line;
	}

	/** Each piece is one request; the server decides how many it runs at once. */
	@Override
	public boolean recognizesConcurrently() {
		return true;
	}

	/** Whisper writes cased, punctuated text itself. */
	@Override
	public boolean writesReadableText() {
		return true;
	}

	@Override
	public void close() {
		this.http.close();
	}

}
