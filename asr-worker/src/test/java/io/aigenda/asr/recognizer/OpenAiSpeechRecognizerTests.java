package io.aigenda.asr.recognizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.aigenda.asr.AsrProperties;
import io.aigenda.asr.EvalDev;
import io.aigenda.asr.ProgressListener;
import io.aigenda.asr.Transcriber;
import io.aigenda.audio.Audio;
import io.aigenda.audio.AudioDecoders;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.TranscriptDocument;
import io.aigenda.contracts.Word;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The OpenAI-compatible adapter against a local HTTP server that replays real answers of
 * OpenAI, speaches (faster-whisper) and vLLM (see {@code openai/SOURCES.md}): word times,
 * languages by name and by code, segment-only answers, refusals, server errors, a timeout
 * and a body that is not JSON.
 */
class OpenAiSpeechRecognizerTests {

	private static Audio jfk;

	private HttpServer server;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private volatile int status = 200;

	private volatile String body = "";

	private volatile long delayMillis;

	record Request(String contentType, String authorization, String body) {

		/** The value of a plain multipart field, or {@code null}. */
		List<String> field(String name) {
			return java.util.regex.Pattern
				.compile("name=\"" + java.util.regex.Pattern.quote(name) + "\"\r\n\r\n([^\r]*)\r\n")
				.matcher(this.body)
				.results()
				.map((match) -> match.group(1))
				.toList();
		}

	}

	@BeforeAll
	static void decode() {
		jfk = AudioDecoders.detect().decode(EvalDev.shared("eval-dev/asr/en/jfk.wav"));
	}

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/v1/audio/transcriptions", (exchange) -> {
			byte[] received = exchange.getRequestBody().readAllBytes();
			this.requests.add(new Request(exchange.getRequestHeaders().getFirst("Content-Type"),
					exchange.getRequestHeaders().getFirst("Authorization"),
					new String(received, StandardCharsets.ISO_8859_1)));
			try {
				Thread.sleep(this.delayMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			byte[] answer = this.body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(this.status, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	private void answer(int newStatus, String resource) {
		this.status = newStatus;
		this.body = resource(resource);
	}

	private static String resource(String name) {
		try (InputStream in = OpenAiSpeechRecognizerTests.class.getResourceAsStream("/openai/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private AsrProperties.OpenAi settings(String apiKey, Duration timeout) {
		return new AsrProperties.OpenAi(URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1"),
				apiKey, "Systran/faster-whisper-small", timeout);
	}

	private OpenAiSpeechRecognizer recognizer() {
		return new OpenAiSpeechRecognizer(settings(null, Duration.ofSeconds(10)));
	}

	@Test
	void speachesWordsKeepTheirTimesPunctuationAndProbabilities() {
		answer(200, "speaches-words.json");
		try (OpenAiSpeechRecognizer recognizer = recognizer()) {
			List<Word> words = recognizer.recognize(jfk, Language.AUTO);

			assertThat(words).extracting(Word::text)
				.containsExactly("When", "you", "call", "someone", "who", "is", "thousands", "of");
			assertThat(words.get(0).start()).isEqualTo(0.82);
			assertThat(words.get(0).end()).isEqualTo(1.34);
			assertThat(words.get(0).confidence()).isCloseTo(0.7199, within(0.001));
			assertThat(words.get(7).end()).isEqualTo(3.32);
			for (int i = 1; i < words.size(); i++) {
				assertThat(words.get(i).start()).isGreaterThanOrEqualTo(words.get(i - 1).end());
			}
		}
		Request request = this.requests.get(0);
		assertThat(request.contentType()).startsWith("multipart/form-data; boundary=");
		assertThat(request.field("model")).containsExactly("Systran/faster-whisper-small");
		assertThat(request.field("response_format")).containsExactly("verbose_json");
		assertThat(request.field("timestamp_granularities[]")).containsExactly("word", "segment");
		assertThat(request.field("language")).as("auto leaves the language to the server").isEmpty();
		assertThat(request.authorization()).isNull();
		// the audio goes up as a 16 kHz mono 16-bit WAV of the whole piece
		assertThat(request.body()).contains("filename=\"audio.wav\"", "Content-Type: audio/wav", "RIFF", "WAVEfmt ");
		assertThat(request.body().length()).isGreaterThan(jfk.samples().length * 2);
	}

	@Test
	void aNamedLanguageAndTheApiKeyAreSent() {
		answer(200, "speaches-words.json");
		try (OpenAiSpeechRecognizer recognizer = new OpenAiSpeechRecognizer(
				settings("sk-local-test", Duration.ofSeconds(10)))) {
			recognizer.recognize(jfk, Language.RU);
		}
		assertThat(this.requests.get(0).field("language")).containsExactly("ru");
		assertThat(this.requests.get(0).authorization()).isEqualTo("Bearer sk-local-test");
	}

	@Test
	void openAiWordsTakeTheirPunctuationFromTheSegmentTextAndTheLanguageByName() {
		answer(200, "openai-words.json");
		try (OpenAiSpeechRecognizer recognizer = recognizer()) {
			List<Word> words = recognizer.recognize(jfk, Language.AUTO);
			assertThat(words).extracting(Word::text).containsExactly("The", "volleyball");
			assertThat(words.get(1).start()).isCloseTo(7.4, within(1e-6));
			assertThat(words.get(1).end()).isCloseTo(7.9, within(1e-6));
			assertThat(words).allSatisfy((word) -> assertThat(word.confidence()).isEqualTo(1.0));
			assertThat(recognizer.identifyLanguage(jfk)).isEqualTo(Language.EN);
		}
	}

	@Test
	void segmentOnlyAnswersAreSpreadOverTheirSegment() {
		answer(200, "speaches-segments-only.json");
		try (OpenAiSpeechRecognizer recognizer = recognizer()) {
			List<Word> words = recognizer.recognize(jfk, Language.EN);
			assertThat(words).extracting(Word::text).containsExactly("Hello,", "world.");
			assertThat(words.get(0).start()).isEqualTo(0.0);
			assertThat(words.get(1).end()).isCloseTo(1.324, within(1e-9));
			assertThat(words.get(0).end()).isEqualTo(words.get(1).start());
		}
	}

	@Test
	void vllmAnswersWithADurationStringAndNoWordsAreRead() {
		answer(200, "vllm-segments.json");
		try (OpenAiSpeechRecognizer recognizer = recognizer()) {
			List<Word> words = recognizer.recognize(jfk, Language.AUTO);
			assertThat(words).hasSize(11);
			assertThat(words.get(0).text()).isEqualTo("as");
			assertThat(words.get(10).text()).isEqualTo("change.");
			assertThat(words.get(10).end()).isCloseTo(7.2, within(1e-9));
			assertThat(recognizer.identifyLanguage(jfk)).isEqualTo(Language.EN);
		}
	}

	@Test
	void wordsNeverEndAfterTheAudio() {
		answer(200, "openai-words.json");
		Audio shortPiece = jfk.slice(0, 5);
		try (OpenAiSpeechRecognizer recognizer = recognizer()) {
			assertThat(recognizer.recognize(shortPiece, Language.EN))
				.allSatisfy((word) -> assertThat(word.end()).isLessThanOrEqualTo(5.0));
		}
	}

	@Test
	void aRefusedFileFailsForGoodWithTheServersMessage() {
		answer(400, "openai-400-invalid-file.json");
		try (OpenAiSpeechRecognizer recognizer = recognizer()) {
			assertThatThrownBy(() -> recognizer.recognize(jfk, Language.EN)).isInstanceOf(RecognitionException.class)
				.hasMessage(
						"The transcription server refused the audio (HTTP 400): Invalid file format. Supported formats:"
								+ " ['flac', 'm4a', 'mp3', 'mp4', 'mpeg', 'mpga', 'oga', 'ogg', 'wav', 'webm']");
		}
	}

	@Test
	void aWrongKeyFailsForGoodNamingTheSetting() {
		answer(401, "openai-401-invalid-key.json");
		try (OpenAiSpeechRecognizer recognizer = recognizer()) {
			assertThatThrownBy(() -> recognizer.recognize(jfk, Language.EN)).isInstanceOf(RecognitionException.class)
				.hasMessageContaining("HTTP 401")
				.hasMessageContaining("Incorrect API key provided")
				.hasMessageEndingWith("(check aigenda.asr.openai.api-key)");
		}
	}

	@Test
	void aServerErrorIsWorthAnotherAttempt() {
		answer(500, "openai-500-server-error.json");
		try (OpenAiSpeechRecognizer recognizer = recognizer()) {
			assertThatThrownBy(() -> recognizer.recognize(jfk, Language.EN))
				.isInstanceOf(TranscriptionServerException.class)
				.isNotInstanceOf(RecognitionException.class)
				.hasMessage("The transcription server failed (HTTP 500): The server had an error while processing"
						+ " your request. Sorry about that!");
		}
	}

	@Test
	void aSlowServerTimesOutAndIsWorthAnotherAttempt() {
		answer(200, "speaches-words.json");
		this.delayMillis = 3000;
		try (OpenAiSpeechRecognizer recognizer = new OpenAiSpeechRecognizer(settings(null, Duration.ofMillis(500)))) {
			assertThatThrownBy(() -> recognizer.recognize(jfk, Language.EN))
				.isInstanceOf(TranscriptionServerException.class)
				.hasMessageContaining("did not answer within");
		}
	}

	@Test
	void noServerIsWorthAnotherAttempt() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		AsrProperties.OpenAi settings = new AsrProperties.OpenAi(URI.create("http://127.0.0.1:" + closedPort + "/v1"),
				null, null, Duration.ofSeconds(5));
		try (OpenAiSpeechRecognizer recognizer = new OpenAiSpeechRecognizer(settings)) {
			assertThatThrownBy(() -> recognizer.recognize(jfk, Language.EN))
				.isInstanceOf(TranscriptionServerException.class)
				.hasMessageContaining("cannot be reached");
		}
	}

	@Test
	void aBodyThatIsNotATranscriptionFailsForGood() {
		try (OpenAiSpeechRecognizer recognizer = recognizer()) {
			// a web page, as a wrong base-url gives
			this.body = "<html><body><h1>Welcome to nginx!</h1></body></html>";
			assertThatThrownBy(() -> recognizer.recognize(jfk, Language.EN)).isInstanceOf(RecognitionException.class)
				.hasMessageStartingWith("The transcription server's answer is not JSON: <html>");
			// a body cut off in the middle
			String words = resource("speaches-words.json");
			this.body = words.substring(0, words.length() / 2);
			assertThatThrownBy(() -> recognizer.recognize(jfk, Language.EN)).isInstanceOf(RecognitionException.class)
				.hasMessageContaining("not JSON");
			// JSON of another API
			this.body = resource("openai-500-server-error.json");
			assertThatThrownBy(() -> recognizer.recognize(jfk, Language.EN)).isInstanceOf(RecognitionException.class)
				.hasMessageContaining("not a verbose transcription");
		}
	}

	@Test
	void languagesReportedByNameOrCode() {
		assertThat(WhisperLanguages.toPlatform("english")).isEqualTo(Language.EN);
		assertThat(WhisperLanguages.toPlatform("en")).isEqualTo(Language.EN);
		assertThat(WhisperLanguages.toPlatform("Russian")).isEqualTo(Language.RU);
		assertThat(WhisperLanguages.toPlatform("ru")).isEqualTo(Language.RU);
		assertThat(WhisperLanguages.toPlatform("")).isEqualTo(Language.AUTO);
		assertThatThrownBy(() -> WhisperLanguages.toPlatform("german")).isInstanceOf(UnsupportedLanguageException.class)
			.hasMessageStartingWith("German speech; AiGenda transcribes English and Russian only");
		assertThatThrownBy(() -> WhisperLanguages.toPlatform("sw")).isInstanceOf(UnsupportedLanguageException.class)
			.hasMessageStartingWith("language 'sw' speech");
	}

	@Test
	void theServerMessageIsReadFromEachFormOfError() {
		assertThat(OpenAiSpeechRecognizer.serverMessage(resource("openai-401-invalid-key.json")))
			.startsWith("Incorrect API key provided");
		assertThat(OpenAiSpeechRecognizer.serverMessage("{\"detail\":\"Not Found\"}")).isEqualTo("Not Found");
		assertThat(OpenAiSpeechRecognizer.serverMessage("Internal Server Error")).isEqualTo("Internal Server Error");
		assertThat(OpenAiSpeechRecognizer.serverMessage("")).isEqualTo("no message");
	}

	@Test
	void autoThroughThePipelineTakesTheServersLanguageForTheWholeRecording() {
		answer(200, "speaches-words.json");
		AsrProperties properties = AsrProperties.defaults()
			.withEngine(AsrProperties.Engine.OPENAI)
			.withOpenAi(settings(null, Duration.ofSeconds(10)));
		try (Transcriber transcriber = Transcriber.create(properties)) {
			TranscriptDocument document = transcriber.transcribe(EvalDev.shared("eval-dev/asr/en/jfk.wav"),
					Language.AUTO, ProgressListener.none());
			assertThat(document.engine()).isEqualTo("openai");
			assertThat(document.language()).isEqualTo(Language.EN);
			assertThat(document.words()).extracting(Word::text).startsWith("When", "you", "call");
			assertThat(document.words()).allSatisfy((word) -> {
				assertThat(word.start()).isBetween(0.0, document.durationSeconds());
				assertThat(word.end()).isBetween(word.start(), document.durationSeconds());
			});
		}
		// one request identifies the language, then each piece is sent with it
		assertThat(this.requests.get(0).field("language")).isEmpty();
		assertThat(this.requests.subList(1, this.requests.size()))
			.allSatisfy((request) -> assertThat(request.field("language")).containsExactly("en"));
	}

	@Test
	void aLanguageThePlatformDoesNotServeFailsBeforeAnyWords() {
		// speaches' real answer, as it would come for speech Whisper took for German
		this.body = resource("speaches-segments-only.json").replace("\"language\":\"en\"", "\"language\":\"de\"");
		try (OpenAiSpeechRecognizer recognizer = recognizer()) {
			assertThatThrownBy(() -> recognizer.recognize(jfk, Language.AUTO))
				.isInstanceOf(UnsupportedLanguageException.class)
				.hasMessageStartingWith("German speech");
			assertThat(recognizer.recognize(jfk, Language.EN)).isNotEmpty();
		}
	}

}
