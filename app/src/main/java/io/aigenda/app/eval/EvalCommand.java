package io.aigenda.app.eval;

import picocli.CommandLine.Command;

/** {@code aigenda eval asr|diarization}: quality of the models on recordings with references. */
@Command(name = "eval", description = "Measure recognition (WER) and diarization (DER) quality.",
		subcommands = { EvalAsrCommand.class, EvalDiarizationCommand.class })
public class EvalCommand implements Runnable {

	@Override
	public void run() {
		throw new IllegalArgumentException("Missing what to evaluate: asr or diarization (see aigenda eval --help)");
	}

}
