package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Worker threads, an inner Thread subclass, each count words into the outer class's HashMap. The
 * writes run in a nest member, on several threads, under no lock: patch.
 */
public final class ParallelIndexer {

    @Expect(PATCH)
    private final Map<String, Integer> wordCounts = new HashMap<>();

    public void index(List<List<String>> partitions) throws InterruptedException {
        List<Worker> workers = new ArrayList<>();
        for (List<String> partition : partitions) {
            Worker worker = new Worker(partition);
            workers.add(worker);
            worker.start();
        }
        for (Worker worker : workers) {
            worker.join();
        }
    }

    public Integer count(String word) {
        return wordCounts.get(word);
    }

    private final class Worker extends Thread {
        private final List<String> documents;

        Worker(List<String> documents) {
            this.documents = documents;
        }

        @Override
        public void run() {
            for (String document : documents) {
                for (String word : document.split(" ")) {
                    wordCounts.merge(word, 1, Integer::sum);
                }
            }
        }
    }
}
