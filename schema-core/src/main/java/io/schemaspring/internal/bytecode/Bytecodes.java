package io.schemaspring.internal.bytecode;

import java.lang.invoke.MethodHandles;
import org.springframework.asm.ClassWriter;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;
import org.springframework.util.ClassUtils;

/**
 * What every class the library generates with ASM shares (the struct accessors of the
 * metadata and the row readers of the repository): defining it next to its host,
 * constants, boxing and casts.
 */
public final class Bytecodes {

    private Bytecodes() {
    }

    /**
     * A class writer whose frames need no class loading: every merged reference type is
     * an Object.
     */
    public static ClassWriter writer() {
        return new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String first, String second) {
                return "java/lang/Object";
            }
        };
    }

    /**
     * Defines the class as a hidden nestmate of {@code host}, so that it reaches the
     * host's private members.
     */
    public static Class<?> defineNestmate(Class<?> host, byte[] bytes) throws IllegalAccessException {
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(host, MethodHandles.lookup());
        return lookup.defineHiddenClass(bytes, true, MethodHandles.Lookup.ClassOption.NESTMATE).lookupClass();
    }

    /** Pushes a small non-negative int constant. */
    public static void push(MethodVisitor method, int value) {
        if (value <= 5) {
            method.visitInsn(Opcodes.ICONST_0 + value);
        }
        else if (value <= Byte.MAX_VALUE) {
            method.visitIntInsn(Opcodes.BIPUSH, value);
        }
        else {
            method.visitIntInsn(Opcodes.SIPUSH, value);
        }
    }

    /** Boxes the primitive on the stack with its wrapper's {@code valueOf}. */
    public static void box(MethodVisitor method, Class<?> primitive) {
        Class<?> boxed = ClassUtils.resolvePrimitiveIfNecessary(primitive);
        method.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(boxed), "valueOf",
                "(" + Type.getDescriptor(primitive) + ")" + Type.getDescriptor(boxed), false);
    }

    /** Casts the object on the stack to {@code type}, unboxing it for a primitive. */
    public static void castOrUnbox(MethodVisitor method, Class<?> type) {
        if (!type.isPrimitive()) {
            method.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(type));
            return;
        }
        Class<?> boxed = ClassUtils.resolvePrimitiveIfNecessary(type);
        method.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(boxed));
        method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, Type.getInternalName(boxed), type.getName() + "Value",
                "()" + Type.getDescriptor(type), false);
    }

}
