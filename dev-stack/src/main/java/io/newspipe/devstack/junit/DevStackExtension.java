package io.newspipe.devstack.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.newspipe.devstack.DevStack;

/**
 * JUnit 5 extension sharing ONE {@link DevStack} (broker + registry on free ports, temporary data directory) per
 * test JVM: started on first use, closed when the root extension context closes (or, when only
 * {@link #stack()} was used, at JVM exit). Test methods and constructors may declare a {@link DevStack} parameter.
 */
public final class DevStackExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DevStackExtension.class);
    private static DevStack shared;
    private static Path sharedDir;
    private static boolean shutdownHookAdded;

    /** The JVM-wide stack, started on first call. */
    public static synchronized DevStack stack() {
        if (shared == null) {
            try {
                sharedDir = Files.createTempDirectory("newspipe-devstack-");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a temporary data directory for the DevStack", e);
            }
            shared = DevStack.start(DevStack.Options.inDir(sharedDir));
            if (!shutdownHookAdded) {
                Runtime.getRuntime().addShutdownHook(new Thread(DevStackExtension::closeShared, "devstack-shutdown"));
                shutdownHookAdded = true;
            }
        }
        return shared;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(SharedStackHandle.class,
                k -> new SharedStackHandle(stack()), SharedStackHandle.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == DevStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        beforeAll(extensionContext);
        return stack();
    }

    private static synchronized void closeShared() {
        if (shared == null) {
            return;
        }
        try {
            shared.close();
        } finally {
            shared = null;
            deleteQuietly(sharedDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temp dir left behind is harmless.
        }
    }

    /** Put in the root store so JUnit closes the stack when the whole test plan is done. */
    private record SharedStackHandle(DevStack stack) implements AutoCloseable {
        @Override
        public void close() {
            closeShared();
        }
    }
}
