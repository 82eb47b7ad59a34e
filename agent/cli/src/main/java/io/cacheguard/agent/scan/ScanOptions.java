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
    /** The largest class file read, inflated, in bytes. */
    final long maxClassBytes;

    private ScanOptions(List<Path> inputs, boolean all, String targets, ReportFormat format, Path output,
                        boolean help, long maxClassBytes) {
        this.maxClassBytes = maxClassBytes;
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
        long maxClassBytes = InputReader.DEFAULT_MAX_CLASS_BYTES;
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
                    return new ScanOptions(List.of(), false, null, ReportFormat.TEXT, null, true,
                            InputReader.DEFAULT_MAX_CLASS_BYTES);
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
                case "--max-class-size": {
                    String value = inline != null ? inline : value(args, ++i, name, "SIZE");
                    maxClassBytes = size(value);
                    break;
                }
                default:
                    throw new UsageException("unknown option '" + arg + "'");
            }
        }
        if (inputs.isEmpty()) {
            throw new UsageException("no jar, directory or class file given");
        }
        return new ScanOptions(inputs, all, targets, format, output, false, maxClassBytes);
    }

    private static String value(List<String> args, int index, String option, String what) throws UsageException {
        if (index >= args.size()) {
            throw new UsageException("option " + option + " needs a value (" + what + ")");
        }
        return args.get(index);
    }

    /** {@code 65536}, {@code 512k}, {@code 64m}, {@code 1g} (binary units, any case). */
    static long size(String value) throws UsageException {
        String digits = value.trim().toLowerCase(java.util.Locale.ROOT);
        int shift = 0;
        if (digits.endsWith("k") || digits.endsWith("m") || digits.endsWith("g")) {
            shift = digits.endsWith("k") ? 10 : digits.endsWith("m") ? 20 : 30;
            digits = digits.substring(0, digits.length() - 1);
        }
        if (!digits.matches("[0-9]{1,12}") || Long.parseLong(digits) == 0) {
            throw new UsageException("--max-class-size '" + value + "' is not a size; use bytes or k, m, g (e.g. 64m)");
        }
        long bytes = Long.parseLong(digits) << shift;
        if (bytes > 1L << 30) {
            throw new UsageException("--max-class-size '" + value + "' is too large; at most 1g");
        }
        return bytes;
    }

    InputReader.Limits limits() {
        return new InputReader.Limits(maxClassBytes, InputReader.MAX_NESTING, InputReader.MAX_ENTRIES);
    }

    CacheSelector selector() {
        return CacheSelector.of(all, targets);
    }
}
