package io.schemaspring.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;

/**
 * No option that does nothing: every attribute of every annotation is read by some main
 * class.
 */
class AnnotationAttributesReadTest {

    private static final String PACKAGE = "io/schemaspring/annotation/";

    @Test
    void everyAnnotationAttributeIsReadByTheMainCode() throws Exception {
        Path classes = Path.of(Schema.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> read = readAttributes(classes);
        List<String> unread = new ArrayList<>();
        for (Class<?> annotation : annotationTypes(classes)) {
            for (Method attribute : annotation.getDeclaredMethods()) {
                String reference = annotation.getSimpleName() + "." + attribute.getName();
                if (!read.contains(reference)) {
                    unread.add(reference);
                }
            }
        }
        assertThat(unread).as("annotation attributes no main class reads").isEmpty();
    }

    private static List<Class<?>> annotationTypes(Path classes) throws IOException, ClassNotFoundException {
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.list(classes.resolve(PACKAGE))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                Class<?> type = Class
                    .forName("io.schemaspring.annotation." + file.getFileName().toString().replace(".class", ""));
                if (type.isAnnotation()) {
                    types.add(type);
                }
            }
        }
        return types;
    }

    /**
     * "Annotation.attribute" for each interface call and method reference on an
     * annotation type, outside the package.
     */
    private static Set<String> readAttributes(Path classes) throws IOException {
        Set<String> read = new HashSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                if (classes.relativize(file).toString().replace('\\', '/').startsWith(PACKAGE)) {
                    continue;
                }
                try (InputStream input = Files.newInputStream(file)) {
                    new ClassReader(input).accept(new ClassVisitor(Opcodes.ASM9) {
                        @Override
                        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                String[] exceptions) {
                            return new MethodVisitor(Opcodes.ASM9) {
                                @Override
                                public void visitMethodInsn(int opcode, String owner, String method, String desc,
                                        boolean isInterface) {
                                    if (opcode == Opcodes.INVOKEINTERFACE) {
                                        record(read, owner, method);
                                    }
                                }

                                @Override
                                public void visitInvokeDynamicInsn(String method, String desc, Handle bootstrap,
                                        Object... arguments) {
                                    for (Object argument : arguments) {
                                        if (argument instanceof Handle handle) {
                                            record(read, handle.getOwner(), handle.getName());
                                        }
                                    }
                                }
                            };
                        }
                    }, ClassReader.SKIP_DEBUG);
                }
            }
        }
        return read;
    }

    private static void record(Set<String> read, String owner, String method) {
        if (owner.startsWith(PACKAGE) && owner.indexOf('/', PACKAGE.length()) < 0) {
            read.add(owner.substring(PACKAGE.length()) + "." + method);
        }
    }

}
