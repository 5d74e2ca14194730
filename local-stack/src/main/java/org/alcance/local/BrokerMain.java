package org.alcance.local;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.Uuid;

/**
 * Entry point of the broker's child JVM: formats the KRaft storage on first start (with the SCRAM credentials
 * given after the configuration file, as {@code kafka-storage format --add-scram} takes them), then runs Kafka.
 * It exits when its standard input closes, so the broker never outlives the JVM that started it.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        String config = args[0];
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(config))) {
            properties.load(reader);
        }
        if (!Files.exists(Path.of(properties.getProperty("log.dirs"), "meta.properties"))) {
            List<String> format = new ArrayList<>(List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config));
            for (int i = 1; i < args.length; i++) {
                format.add("--add-scram");
                format.add(args[i]);
            }
            int formatted = kafka.tools.StorageTool.execute(format.toArray(String[]::new), System.out);
            if (formatted != 0) {
                System.exit(formatted);
            }
        }
        Thread parentWatch = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is sent; only the end of the stream matters
                }
            } catch (java.io.IOException ignored) {
                // a broken pipe means the parent is gone too
            }
            System.exit(0);
        }, "parent-watch");
        parentWatch.setDaemon(true);
        parentWatch.start();
        kafka.Kafka.main(new String[] {config});
    }
}
