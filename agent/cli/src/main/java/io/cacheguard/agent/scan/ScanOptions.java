package io.cacheguard.agent.scan;

import io.cacheguard.agent.analysis.CacheSelector;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** The scan's command line: inputs and options, in any order; {@code --name value} or {@code --name=value}. */
final class ScanOptions {
    final List<Path> inputs;
    final boolean all;
    /** {@code :}-separated, as the agent's {@code targets} option; null when not given. */
    final String targets;
    final ReportFormat format;
    /** Where the report goes, or null for stdout. */
    final Path output;
    final boolean help;

    private ScanOptions(List<Path> inputs, boolean all, String targets, ReportFormat format, Path output,
                        boolean help) {
        this.inputs = List.copyOf(inputs);
        this.all = all;
        this.targets = targets;
        this.format = format;
        this.output = output;
        this.help = help;
    }

    static ScanOptions parse(List<String> args) throws UsageException {
        List<Path> inputs = new ArrayList<>();
        boolean all = false;
        String targets = null;
        ReportFormat format = ReportFormat.TEXT;
        Path output = null;
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                inputs.add(Paths.get(arg));
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            String inline = equals < 0 ? null : arg.substring(equals + 1);
            switch (name) {
                case "--":
                    optionsEnded = true;
                    break;
                case "--help":
                case "-h":
                    return new ScanOptions(List.of(), false, null, ReportFormat.TEXT, null, true);
                case "--all":
                    if (inline != null) {
                        throw new UsageException("option --all takes no value");
                    }
                    all = true;
                    break;
                case "--targets": {
                    String value = inline != null ? inline : value(args, ++i, name, "LIST");
                    targets = targets == null ? value : targets + ":" + value;
                    break;
                }
                case "--format": {
                    String value = inline != null ? inline : value(args, ++i, name, "text|json|sarif");
                    format = ReportFormat.named(value);
                    if (format == null) {
                        throw new UsageException("unknown format '" + value + "' (use text, json or sarif)");
                    }
                    break;
                }
                case "--output":
                case "-o": {
                    String value = inline != null ? inline : value(args, ++i, name, "FILE");
                    if (value.isEmpty()) {
                        throw new UsageException("option " + name + " needs a file name");
                    }
                    output = Paths.get(value);
                    break;
                }
                default:
                    throw new UsageException("unknown option '" + arg + "'");
            }
        }
        if (inputs.isEmpty()) {
            throw new UsageException("no jar, directory or class file given");
        }
        return new ScanOptions(inputs, all, targets, format, output, false);
    }

    private static String value(List<String> args, int index, String option, String what) throws UsageException {
        if (index >= args.size()) {
            throw new UsageException("option " + option + " needs a value (" + what + ")");
        }
        return args.get(index);
    }

    CacheSelector selector() {
        return CacheSelector.of(all, targets);
    }
}
