package io.cacheguard.samples.expiring;

import java.util.ArrayList;
import java.util.List;

/**
 * The modules a run-all walks, in the order it schedules them: per environment, its core modules
 * (vpc, iam, ...) and then the apps that depend on all of them. That shape is what makes the bug
 * bite: the apps of one environment run side by side and read the same dependency outputs in the
 * same order, so several workers find the same expired item at nearly the same time and delete it.
 */
final class Stack {

    private static final String[] CORE_MODULES = {"vpc", "subnets", "iam", "kms", "dns", "security-groups",
            "logging", "monitoring"};

    /**
     * A module and the cache keys of its config and its outputs.
     *
     * @param dependencies indexes of the modules whose outputs this one reads
     */
    record Module(String configKey, String config, String outputsKey, String outputs, int[] dependencies) {
    }

    private final List<Module> modules = new ArrayList<>();
    private final boolean[] dependedOn;

    private Stack(int environments, int appsPerEnvironment) {
        for (int env = 0; env < environments; env++) {
            String prefix = String.format("live/env-%03d/", env);
            int[] core = new int[CORE_MODULES.length];
            for (int c = 0; c < CORE_MODULES.length; c++) {
                core[c] = modules.size();
                modules.add(module(prefix + CORE_MODULES[c], new int[0]));
            }
            for (int app = 0; app < appsPerEnvironment; app++) {
                modules.add(module(prefix + "app-" + app, core));
            }
        }
        dependedOn = new boolean[modules.size()];
        for (Module module : modules) {
            for (int dependency : module.dependencies()) {
                dependedOn[dependency] = true;
            }
        }
    }

    static Stack of(int environments, int appsPerEnvironment) {
        return new Stack(environments, appsPerEnvironment);
    }

    int size() {
        return modules.size();
    }

    Module get(int index) {
        return modules.get(index);
    }

    /** Whether some module reads this one's outputs, so that validate deletes them once expired. */
    boolean isDependedOn(int index) {
        return dependedOn[index];
    }

    private static Module module(String path, int[] dependencies) {
        return new Module(path + "/terragrunt.hcl", "config of " + path, path + "/outputs",
                "{\"id\": \"" + path + "\"}", dependencies);
    }
}
