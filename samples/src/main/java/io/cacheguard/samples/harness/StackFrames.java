package io.cacheguard.samples.harness;

/** Formats stack frames for one-line reports: class, method, file and line, without module noise. */
final class StackFrames {

    private StackFrames() {
    }

    static String compact(StackTraceElement frame) {
        return frame.getClassName() + "." + frame.getMethodName() + "(" + frame.getFileName() + ":"
                + frame.getLineNumber() + ")";
    }
}
