package io.cacheguard.agent.analysis;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * One method's control-flow graph (normal and exception edges) and the value frames at each
 * instruction: what the lock analysis walks and what the use collector reads.
 */
final class MethodFlow {
    final String owner;
    final MethodNode method;
    final Frame<OriginValue>[] frames;
    final List<List<Integer>> normalSuccessors;
    final List<List<Integer>> exceptionSuccessors;
    final int[] lines;

    private MethodFlow(String owner, MethodNode method, Frame<OriginValue>[] frames,
                       List<List<Integer>> normalSuccessors, List<List<Integer>> exceptionSuccessors) {
        this.owner = owner;
        this.method = method;
        this.frames = frames;
        this.normalSuccessors = normalSuccessors;
        this.exceptionSuccessors = exceptionSuccessors;
        this.lines = lineTable(method);
    }

    static MethodFlow analyze(String owner, MethodNode method, OriginInterpreter interpreter) throws AnalyzerException {
        int size = method.instructions.size();
        List<List<Integer>> normal = emptyLists(size);
        List<List<Integer>> exceptional = emptyLists(size);
        Analyzer<OriginValue> analyzer = new Analyzer<>(interpreter) {
            @Override
            protected void newControlFlowEdge(int insnIndex, int successorIndex) {
                normal.get(insnIndex).add(successorIndex);
            }

            @Override
            protected boolean newControlFlowExceptionEdge(int insnIndex, int successorIndex) {
                exceptional.get(insnIndex).add(successorIndex);
                return true;
            }
        };
        Frame<OriginValue>[] frames = analyzer.analyze(owner, method);
        return new MethodFlow(owner, method, frames, normal, exceptional);
    }

    private static List<List<Integer>> emptyLists(int size) {
        List<List<Integer>> lists = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            lists.add(new ArrayList<>(2));
        }
        return lists;
    }

    private static int[] lineTable(MethodNode method) {
        int[] lines = new int[method.instructions.size()];
        int line = -1;
        int index = 0;
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof LineNumberNode) {
                line = ((LineNumberNode) insn).line;
            }
            lines[index++] = line;
        }
        return lines;
    }

    AbstractInsnNode insn(int index) {
        return method.instructions.get(index);
    }

    int size() {
        return method.instructions.size();
    }
}
