package io.aigenda.app;

import java.io.PrintWriter;
import java.util.Arrays;

import io.aigenda.app.bench.BenchCommand;
import io.aigenda.app.eval.EvalCommand;
import io.aigenda.app.load.LoadCommand;
import io.aigenda.app.models.ModelsCommand;
import io.aigenda.app.process.ProcessCommand;
import io.aigenda.app.serve.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The {@code aigenda} command: process recordings, serve the platform, evaluate and
 * benchmark the models. Errors are one line ({@code aigenda: <reason>}); {@code --debug}
 * adds the stack trace.
 */
@Command(name = "aigenda", mixinStandardHelpOptions = true, version = "AiGenda 0.1.0",
		description = "Meeting recordings to speaker-attributed transcripts and minutes.",
		subcommands = { ProcessCommand.class, ServeCommand.class, EvalCommand.class, BenchCommand.class,
				LoadCommand.class, ModelsCommand.class, HelpCommand.class })
public final class AigendaCli implements Runnable {

	@Override
	public void run() {
		throw new CommandLine.ParameterException(new CommandLine(this),
				"Missing command: process, serve, eval, bench, load or models");
	}

	public static void main(String[] args) {
		int exitCode = execute(args);
		// the embedded servers leave non-daemon threads behind; the command is finished
		System.exit(exitCode);
	}

	/** Runs the command line and returns the exit code. */
	public static int execute(String... args) {
		boolean debug = Arrays.asList(args).contains("--debug");
		CommandLine commandLine = new CommandLine(new AigendaCli());
		commandLine.setExecutionExceptionHandler((ex, line, parseResult) -> {
			PrintWriter err = line.getErr();
			err.println("aigenda: " + oneLine(ex));
			if (debug) {
				ex.printStackTrace(err);
			}
			err.flush();
			return 1;
		});
		commandLine.setParameterExceptionHandler((ex, args2) -> {
			PrintWriter err = ex.getCommandLine().getErr();
			err.println("aigenda: " + ex.getMessage() + " (see " + ex.getCommandLine().getCommandSpec().qualifiedName()
					+ " --help)");
			err.flush();
			return 2;
		});
		return commandLine.execute(args);
	}

	/** The most useful single line of an error: its own message, else its cause's. */
	public static String oneLine(Throwable ex) {
		Throwable current = ex;
		while (current != null) {
			String message = current.getMessage();
			if (message != null && !message.isBlank()) {
				return message.lines().findFirst().orElse(message).strip();
			}
			current = current.getCause();
		}
		return ex.getClass().getSimpleName();
	}

}
