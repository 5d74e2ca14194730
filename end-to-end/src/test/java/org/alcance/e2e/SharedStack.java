package org.alcance.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import org.alcance.local.LocalStack;

/**
 * The local stack the browser and generated-client tests share, so that the whole system starts and loads its
 * data once for them: started by the first of them, stopped when the tests end or before a test that starts a stack
 * of its own (a stack binds the machine's fixed ports). The tests that share it run first (their classes' order,
 * junit-platform.properties); they only read, but for the generated client's campaign, which the last of them
 * writes and no other counts.
 */
final class SharedStack {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static LocalStack stack;

    private SharedStack() {
    }

    static synchronized LocalStack get() throws Exception {
        if (stack == null) {
            stack = LocalStack.start(ROOT, Files.createTempDirectory("alcance-shared-"));
            Runtime.getRuntime().addShutdownHook(new Thread(SharedStack::stop, "shared-stack-stop"));
        }
        return stack;
    }

    static synchronized void stop() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }
}
