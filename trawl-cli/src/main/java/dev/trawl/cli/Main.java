package dev.trawl.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code trawl} command: a thin layer over the library, one subcommand per file. */
@Command(name = "trawl", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Scrapes product listings: fast, polite, and with an outcome for every URL.",
        subcommands = {CrawlCommand.class, DemoCommand.class, DemoShopCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line and returns the exit code (0 ok, 1 could not run, 2 bad usage). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main())
                .setOut(out)
                .setErr(err)
                .registerConverter(java.time.Duration.class, dev.trawl.fetch.Durations::parse)
                .setParameterExceptionHandler(Main::badUsage)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof UserError u) {
                        cmd.getErr().println("trawl: " + u.getMessage());
                        return u.exitCode();
                    }
                    throw e;
                });
        return cli.execute(args);
    }

    private static int badUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        cmd.getErr().println("trawl: " + e.getMessage() + " (see '" + name + " --help')");
        return 2;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
