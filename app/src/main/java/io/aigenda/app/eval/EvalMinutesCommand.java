package io.aigenda.app.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.aigenda.app.SharedFolder;
import io.aigenda.contracts.Minutes;
import io.aigenda.llm.eval.DialogStudioMeeting;
import io.aigenda.llm.eval.ItemRecall;
import io.aigenda.llm.eval.Rouge;
import io.aigenda.llm.minutes.LlmProperties;
import io.aigenda.llm.minutes.MinutesJson;
import io.aigenda.llm.minutes.MinutesWriter;
import io.aigenda.llm.minutes.MinutesWriters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aigenda eval minutes [--dialogstudio FILE.json] [--out DIR] [--engine E]}: ROUGE
 * of the summary against the gold abstract and fuzzy recall of gold action items and
 * decisions.
 */
@Command(name = "minutes",
		description = "Minutes quality on DialogStudio meetings: summary ROUGE-1/2/L, recall of gold actions and decisions.")
public class EvalMinutesCommand implements Callable<Integer> {

	@Option(names = "--dialogstudio", paramLabel = "FILE.json",
			description = "DialogStudio meetings (default: eval-dev/summarization/*.json).")
	List<Path> files = new ArrayList<>();

	@Option(names = "--out", paramLabel = "DIR", description = "Write each meeting's minutes to DIR/<dialog id>.json.")
	Path out;

	@Option(names = "--engine", defaultValue = "extractive",
			description = "extractive, openai or llama (default: ${DEFAULT-VALUE}).")
	String engine;

	@Option(names = "--base-url",
			description = "OpenAI-compatible server for --engine openai, e.g. http://127.0.0.1:8000/v1.")
	String baseUrl;

	@Option(names = "--model", description = "Served model name (openai) or GGUF file (llama).")
	String model;

	@Override
	public Integer call() {
		List<Path> inputs = this.files.isEmpty() ? jsonFiles(SharedFolder.evalDev("summarization")) : this.files;
		List<DialogStudioMeeting> meetings = new ArrayList<>();
		inputs.forEach(f -> meetings.addAll(DialogStudioMeeting.read(f)));
		evaluate(meetings, MinutesWriters.create(properties()), this.out, System.out);
		return 0;
	}

	private LlmProperties properties() {
		LlmProperties defaults = LlmProperties.defaults();
		LlmProperties.OpenAi openai = defaults.openai();
		if (this.baseUrl != null || (this.model != null && this.engine.equals("openai"))) {
			openai = new LlmProperties.OpenAi(this.baseUrl != null ? this.baseUrl : openai.baseUrl(), openai.apiKey(),
					this.model != null ? this.model : openai.model(), openai.jsonSchema(), Duration.ofMinutes(10),
					openai.temperature(), openai.maxTokens());
		}
		LlmProperties.Llama llama = defaults.llama();
		if (this.model != null && this.engine.equals("llama")) {
			llama = new LlmProperties.Llama(this.model, llama.threads(), llama.gpuLayers(), llama.maxTokens());
		}
		return new LlmProperties(this.engine, defaults.extractive(), defaults.topics(), openai, llama,
				defaults.contextTokens());
	}

	/** Writes and scores every meeting; returns mean ROUGE-1, ROUGE-2, ROUGE-L. */
	static double[] evaluate(List<DialogStudioMeeting> meetings, MinutesWriter writer, Path out, PrintStream console) {
		double[] sum = new double[3];
		for (DialogStudioMeeting meeting : meetings) {
			long started = System.nanoTime();
			Minutes minutes = writer.write(meeting.transcript());
			double seconds = (System.nanoTime() - started) / 1e9;
			String json = MinutesJson.write(minutes);
			if (out != null) {
				write(out.resolve(meeting.id() + ".json"), json);
			}
			Rouge.Scores rouge = Rouge.score(minutes.summary(), String.join(" ", meeting.abstractSentences()));
			List<String> actions = new ArrayList<>();
			minutes.actionItems().forEach(a -> actions.add(a.text() + (a.owner() == null ? "" : " " + a.owner())));
			List<String> decided = new ArrayList<>();
			minutes.decisions().forEach(d -> decided.add(d.text()));
			List<String> both = new ArrayList<>(actions);
			both.addAll(decided);
			console.printf(Locale.ROOT,
					"%s [%s]: ROUGE-1 %.3f, ROUGE-2 %.3f, ROUGE-L %.3f; action recall %s (%d gold, %d found items); "
							+ "decision recall %s (%d gold); %d topics; written in %.1f s%s%n",
					meeting.id(), minutes.engine(), rouge.rouge1(), rouge.rouge2(), rouge.rougeL(),
					ratio(ItemRecall.recall(meeting.actions(), actions)), meeting.actions().size(), actions.size(),
					ratio(ItemRecall.recall(meeting.decisions(), both)), meeting.decisions().size(),
					minutes.topics().size(), seconds,
					minutes.warnings().isEmpty() ? "" : "; warnings: " + String.join(" | ", minutes.warnings()));
			sum[0] += rouge.rouge1();
			sum[1] += rouge.rouge2();
			sum[2] += rouge.rougeL();
		}
		double[] mean = { sum[0] / meetings.size(), sum[1] / meetings.size(), sum[2] / meetings.size() };
		console.printf(Locale.ROOT, "overall: ROUGE-1 %.3f, ROUGE-2 %.3f, ROUGE-L %.3f over %d meetings%n", mean[0],
				mean[1], mean[2], meetings.size());
		return mean;
	}

	private static String ratio(double value) {
		return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
	}

	private static void write(Path file, String json) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, json);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static List<Path> jsonFiles(Path folder) {
		try (var files = Files.list(folder)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + folder + ": " + ex.getMessage(), ex);
		}
	}

}
