package io.aigenda.app.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.aigenda.app.SharedFolder;
import io.aigenda.llm.extractive.ExtractiveMinutesWriter;
import io.aigenda.llm.extractive.SummaryWeights;
import io.aigenda.llm.eval.DialogStudioMeeting;
import io.aigenda.llm.eval.MinutesEvaluation;
import io.aigenda.llm.eval.SummaryReference;
import io.aigenda.llm.minutes.LlmProperties;
import io.aigenda.llm.minutes.MinutesJson;
import io.aigenda.llm.minutes.MinutesWriters;
import io.aigenda.llm.topics.TopicSegmenters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aigenda eval minutes [--dialogstudio FILE.json]... [--out DIR] [--engine E]}:
 * ROUGE-1/2/L of the summaries against every development reference (AMI ES2002d, the
 * QMSum meetings' general summaries, DialogSum, SAMSum, Russian headlines) beside a
 * lead-N and a TF-IDF baseline of the same length, per set and overall, and recall of
 * gold actions and decisions where the reference has them.
 */
@Command(name = "minutes",
		description = "Minutes quality on every summarization reference: ROUGE-1/2/L beside lead-N and TF-IDF "
				+ "baselines, per set and overall; recall of gold actions and decisions.")
public class EvalMinutesCommand implements Callable<Integer> {

	@Option(names = "--dialogstudio", paramLabel = "FILE.json",
			description = "Only these DialogStudio meetings (default: every set under eval-dev/summarization).")
	List<Path> files = new ArrayList<>();

	@Option(names = "--out", paramLabel = "DIR", description = "Write each reference's minutes to DIR/<id>.json.")
	Path out;

	@Option(names = "--cross-validate", negatable = true, defaultValue = "true", fallbackValue = "true",
			description = "For the extractive engine over every dev reference, also choose the summary weights by "
					+ "leave-one-reference-out cross-validation and print the held-out figures (default: ${DEFAULT-VALUE}).")
	boolean crossValidate;

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
		List<SummaryReference> references = new ArrayList<>();
		if (this.files.isEmpty()) {
			references.addAll(SummaryReference.readAll(SharedFolder.evalDev("summarization")));
		}
		for (Path file : this.files) {
			for (DialogStudioMeeting meeting : DialogStudioMeeting.read(file)) {
				references.add(new SummaryReference("ami", meeting.id(), meeting.transcript(),
						List.of(String.join(" ", meeting.abstractSentences())), meeting.decisions(),
						meeting.actions()));
			}
		}
		if (references.isEmpty()) {
			throw new IllegalArgumentException("No summarization reference found in eval-dev/summarization");
		}
		MinutesEvaluation.run(references, MinutesWriters.create(properties()), System.out, written -> {
			if (this.out != null) {
				write(this.out.resolve(written.getKey().id() + ".json"), MinutesJson.write(written.getValue()));
			}
		});
		// held-out figures need the other references: only over the whole dev set
		if (this.engine.equals(ExtractiveMinutesWriter.ENGINE) && this.crossValidate && this.files.isEmpty()) {
			LlmProperties properties = properties();
			MinutesEvaluation.crossValidated(references, weightGrid(),
					weights -> new ExtractiveMinutesWriter(properties.extractive(),
							TopicSegmenters.create(properties.topics()), null, ExtractiveMinutesWriter.BUDGET_SCALE,
							weights),
					System.out);
		}
		return 0;
	}

	/** The summary weights tried; the default and the former weights are among them. */
	static List<SummaryWeights> weightGrid() {
		List<SummaryWeights> grid = new ArrayList<>();
		for (double position : new double[] { 0, 2, 4, 8, 16, 32 }) {
			for (double coverage : new double[] { 0, 0.3 }) {
				grid.add(new SummaryWeights(position, coverage, SummaryWeights.DEFAULT.diversity()));
			}
		}
		return grid;
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

	private static void write(Path file, String json) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, json);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file + ": " + ex.getMessage(), ex);
		}
	}

}
