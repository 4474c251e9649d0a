package vn.hanoi.branch.kiosk;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.hanoi.branch.printer.escpos.PrinterProfile;
import vn.hanoi.branch.printer.escpos.VietnameseMode;
import vn.hanoi.branch.printer.serial.SerialSettings;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * The kiosk's command lines (the app, CardTool, PrinterTool) parsed the same way with picocli: a bad
 * option is told in one short line naming it, then the usage, and the exit status is 2.
 */
public final class CommandLines {
    /** Exit status of a command line that could not be understood. */
    public static final int USAGE = 2;

    private CommandLines() {
    }

    /** A picocli command (with its subcommands) writing its help and usage errors to {@code out}. */
    public static CommandLine of(PrintStream out, Object command, Object... subcommands) {
        CommandLine cl = new CommandLine(command);
        for (Object sub : subcommands) {
            cl.addSubcommand(sub);
        }
        // Set after the subcommands: picocli hands these settings down to the commands present now.
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, out.charset()), true);
        // Numbers as the kiosk always took them: a value copied with a space around it still counts.
        cl.registerConverter(Integer.class, v -> Integer.valueOf(v.strip()));
        cl.registerConverter(int.class, v -> Integer.valueOf(v.strip()));
        cl.registerConverter(PrinterProfile.class, PrinterProfile::byId);
        cl.registerConverter(VietnameseMode.class, VietnameseMode::byId);
        cl.registerConverter(SerialSettings.Parity.class, SerialSettings::parity);
        cl.registerConverter(SerialSettings.FlowControl.class, SerialSettings::flowControl);
        cl.setOut(w);
        cl.setErr(w);
        cl.setParameterExceptionHandler((e, args) -> {
            w.println(message(e));
            e.getCommandLine().usage(w);
            return USAGE;
        });
        return cl;
    }

    /** What is wrong with the command line, in a short line that names the option. */
    public static String message(ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            // picocli also lists the value after an unknown option as unmatched: name the option only.
            return u.getUnmatched().stream().filter(a -> a.startsWith("-")).findFirst()
                    .map(a -> "Unknown option: '" + a + "'").orElse(e.getMessage());
        }
        if (e instanceof CommandLine.MissingParameterException m && m.getMissing().size() == 1
                && m.getMissing().getFirst() instanceof OptionSpec o) {
            return o.longestName() + " needs a value";
        }
        ArgSpec spec = e.getArgSpec();
        if (!(spec instanceof OptionSpec o) || e.getCause() == null) {
            return e.getMessage();
        }
        Class<?> type = spec.type();
        boolean number = type == int.class || type == long.class || type == Integer.class || type == Long.class;
        if (number) {
            return o.longestName() + " needs a number, not '" + e.getValue() + "'";
        }
        return o.longestName() + ": " + e.getCause().getMessage(); // a converter's own words, e.g. "unknown printer profile"
    }

    /**
     * A command or subcommand of a kiosk tool: {@code --help}, where it writes, and the usage when it is
     * called wrongly. A tool's top command without a subcommand shows its usage.
     */
    public abstract static class ToolCommand implements Callable<Integer> {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
        boolean help;

        @Spec
        protected CommandSpec spec;

        protected final PrintStream out;

        protected ToolCommand(PrintStream out) {
            this.out = out;
        }

        @Override
        public Integer call() {
            return usage(null);
        }

        /** Says what is wrong (when known), then the command's usage; returns the exit status for it. */
        protected int usage(String problem) {
            if (problem != null) {
                out.println(problem);
            }
            spec.commandLine().usage(spec.commandLine().getOut());
            return USAGE;
        }
    }
}
