package org.alcance.events;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Finds the concrete event classes in the main code by scanning it, independently of the catalogue under test. */
final class EventClasses {

    private EventClasses() {
    }

    static List<Class<? extends DomainEvent>> concreteEventClasses() {
        return allMainClasses().stream()
                .filter(DomainEvent.class::isAssignableFrom)
                .filter(c -> !c.isInterface() && !Modifier.isAbstract(c.getModifiers()))
                .<Class<? extends DomainEvent>>map(c -> c.asSubclass(DomainEvent.class))
                .toList();
    }

    static List<Class<?>> allMainClasses() {
        try {
            URI location = DomainEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI();
            Path path = Path.of(location);
            if (Files.isDirectory(path)) {
                return classesIn(path);
            }
            try (FileSystem jar = FileSystems.newFileSystem(path, Map.of())) {
                return classesIn(jar.getPath("/"));
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot scan the event classes", e);
        }
    }

    private static List<Class<?>> classesIn(Path root) throws IOException {
        Path packageDir = root.resolve("org/alcance/events");
        try (Stream<Path> files = Files.walk(packageDir)) {
            return files.map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> name.endsWith(".class") && !name.contains("module-info"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .<Class<?>>map(EventClasses::load)
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EventClasses.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
