package io.aigenda.app.eval;

import picocli.CommandLine.Command;

/**
 * {@code aigenda eval asr|diarization|topics|minutes}: quality of the models on
 * recordings with references.
 */
@Command(name = "eval",
		description = "Measure recognition (WER), diarization (DER) and topic segmentation (Pk) and minutes (ROUGE) quality.",
		subcommands = { EvalAsrCommand.class, EvalDiarizationCommand.class, EvalTopicsCommand.class,
				EvalMinutesCommand.class })
public class EvalCommand implements Runnable {

	@Override
	public void run() {
		throw new IllegalArgumentException(
				"Missing what to evaluate: asr, diarization, topics or minutes (see aigenda eval --help)");
	}

}
