package io.cacheguard.agent.attach;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import io.cacheguard.agent.AttachProtocol;
import java.io.IOException;

/** Attach through the JDK's {@code com.sun.tools.attach}; loaded only when {@code jdk.attach} is present. */
final class JdkAttacher implements Attacher {
    @Override
    public String cacheguardStatus(TargetJvm target, String agentJar) throws AttachFailure {
        VirtualMachine vm = connect(target, agentJar);
        try {
            return vm.getSystemProperties().getProperty(AttachProtocol.STATUS_PROPERTY, "");
        } catch (IOException e) {
            throw notAnswering(target, e);
        } finally {
            detach(vm);
        }
    }

    @Override
    public java.util.Map<String, String> properties(TargetJvm target, String agentJar, String... names)
            throws AttachFailure {
        VirtualMachine vm = connect(target, agentJar);
        try {
            java.util.Properties all = vm.getSystemProperties();
            java.util.Map<String, String> found = new java.util.HashMap<>();
            for (String name : names) {
                String value = all.getProperty(name);
                if (value != null) {
                    found.put(name, value);
                }
            }
            return found;
        } catch (IOException e) {
            throw notAnswering(target, e);
        } finally {
            detach(vm);
        }
    }

    @Override
    public void loadAgent(TargetJvm target, String agentJar, String argument, StatusCheck beforeLoading)
            throws AttachFailure {
        VirtualMachine vm = connect(target, agentJar);
        try {
            beforeLoading.check(vm.getSystemProperties().getProperty(AttachProtocol.STATUS_PROPERTY, ""));
            vm.loadAgent(agentJar, argument);
        } catch (AgentLoadException | IOException e) {
            if (String.valueOf(e.getMessage()).contains("EnableDynamicAgentLoading")) {
                throw TargetJvm.dynamicLoadingDisabled(target.pid, agentJar);
            }
            throw new AttachFailure(ExitCodes.ATTACH_REFUSED, "JVM " + target.pid + " did not load the agent ("
                    + e.getMessage() + "); its stderr may say more (e.g. a missing java.instrument module)");
        } catch (AgentInitializationException e) {
            throw new AttachFailure(ExitCodes.AGENT_REFUSED, "the agent was loaded into JVM " + target.pid
                    + " but failed to start (" + e.getMessage() + "); see the JVM's stderr");
        } finally {
            detach(vm);
        }
    }

    private static VirtualMachine connect(TargetJvm target, String agentJar) throws AttachFailure {
        try {
            return VirtualMachine.attach(Long.toString(target.pid));
        } catch (AttachNotSupportedException | IOException e) {
            throw notAnswering(target, e);
        }
    }

    private static AttachFailure notAnswering(TargetJvm target, Exception e) {
        return new AttachFailure(ExitCodes.ATTACH_REFUSED, "JVM " + target.pid + " refused or did not answer the attach ("
                + e.getMessage() + "); a JVM started with -XX:+DisableAttachMechanism, or one that is hung or in"
                + " another container, cannot be attached to");
    }

    private static void detach(VirtualMachine vm) {
        try {
            vm.detach();
        } catch (IOException ignored) {
            // the connection is gone either way
        }
    }
}
