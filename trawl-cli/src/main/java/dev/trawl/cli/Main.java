package dev.trawl.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code trawl} command: a thin layer over the library, one subcommand per file. */
@Command(name = "trawl", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Scrapes product listings: fast, polite, and with an outcome for every URL.",
        subcommands = CommandLine.HelpCommand.class)
public final class Main implements Runnable {
    /** The subcommands, made only when named: picocli's reflection over all of them costs start-up time. */
    private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("crawl", CrawlCommand::new);
        COMMANDS.put("demo", DemoCommand::new);
        COMMANDS.put("demo-shop", DemoShopCommand::new);
        COMMANDS.put("export", ExportCommand::new);
        COMMANDS.put("diff", DiffCommand::new);
        COMMANDS.put("runs", RunsCommand::new);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line and returns the exit code (0 ok, 1 could not run, 2 bad usage). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        Supplier<Object> named = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (named != null) {
            cli.addSubcommand(args[0], named.get());
        } else {
            COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        }
        cli.setOut(out)
                .setErr(err)
                .registerConverter(java.time.Duration.class, dev.trawl.internal.fetch.Durations::parse)
                .registerConverter(Span.class, Span::parse)
                .setParameterExceptionHandler(Main::badUsage)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof UserError u) {
                        u.lines().forEach(line -> cmd.getErr().println(LogLines.text(line)));
                        return u.exitCode();
                    }
                    throw e;
                });
        return cli.execute(args);
    }

    private static int badUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        cmd.getErr().println(LogLines.text(e.getMessage() + " (see '" + name + " --help')"));
        return 2;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
