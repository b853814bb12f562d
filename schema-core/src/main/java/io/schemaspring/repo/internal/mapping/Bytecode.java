package io.schemaspring.repo.internal.mapping;

import io.schemaspring.internal.bytecode.Bytecodes;
import io.schemaspring.type.FieldType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;
import org.springframework.asm.ClassWriter;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;

/**
 * What the generated row readers share: typed getters, constants, boxing and defining the
 * class.
 */
final class Bytecode {

    static final String RESULT_SET = "java/sql/ResultSet";

    private Bytecode() {
    }

    /**
     * A typed {@code ResultSet} getter: the method, its return descriptor, and the
     * primitive it returns (null for objects).
     */
    record TypedGetter(String method, String descriptor, @Nullable Class<?> primitive) {

        /**
         * The getter that reads a plain column of this field type as {@code javaType}, or
         * null when a codec must.
         */
        static @Nullable TypedGetter of(FieldType type, Class<?> javaType) {
            ResultSetGetter getter = ResultSetGetter.of(type, javaType);
            if (getter != null) {
                return new TypedGetter(getter.method(), getter.descriptor(), getter.primitive());
            }
            boolean naive = (type == FieldType.NAIVE_DATETIME || type == FieldType.NAIVE_DATETIME_USEC)
                    && javaType == LocalDateTime.class;
            if (naive || (type == FieldType.DATE && javaType == LocalDate.class)
                    || ((type == FieldType.TIME || type == FieldType.TIME_USEC) && javaType == LocalTime.class)) {
                return new TypedGetter("getObject", "Ljava/lang/Object;", null);
            }
            return null;
        }

        /** Calls the getter on the result set and column index already on the stack. */
        void invoke(MethodVisitor method, Class<?> javaType) {
            if (this.method.equals("getObject")) {
                method.visitLdcInsn(Type.getType(javaType));
                method.visitMethodInsn(Opcodes.INVOKEINTERFACE, RESULT_SET, "getObject",
                        "(ILjava/lang/Class;)Ljava/lang/Object;", true);
                method.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(javaType));
            }
            else {
                method.visitMethodInsn(Opcodes.INVOKEINTERFACE, RESULT_SET, this.method, "(I)" + this.descriptor, true);
            }
        }
    }

    /**
     * Starts a final {@link RowReader} class holding the given final fields, each set by
     * its constructor's parameter of the same position, and answers the visitor of its
     * {@code read} method.
     */
    static MethodVisitor rowReader(ClassWriter writer, String name, String[] fields, String[] descriptors) {
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null,
                "java/lang/Object", new String[] { Type.getInternalName(RowReader.class) });
        for (int i = 0; i < fields.length; i++) {
            writer.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, fields[i], descriptors[i], null, null)
                .visitEnd();
        }
        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "(" + String.join("", descriptors) + ")V",
                null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        for (int i = 0; i < fields.length; i++) {
            init.visitVarInsn(Opcodes.ALOAD, 0);
            init.visitVarInsn(Opcodes.ALOAD, i + 1);
            init.visitFieldInsn(Opcodes.PUTFIELD, name, fields[i], descriptors[i]);
        }
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor read = writer.visitMethod(Opcodes.ACC_PUBLIC, "read", "(Ljava/sql/ResultSet;I)Ljava/lang/Object;",
                null, new String[] { "java/sql/SQLException" });
        read.visitCode();
        return read;
    }

    /**
     * The result set (local 1) and the index of column {@code index} after the first
     * (local 2) on the stack.
     */
    static void column(MethodVisitor method, int index) {
        method.visitVarInsn(Opcodes.ALOAD, 1);
        method.visitVarInsn(Opcodes.ILOAD, 2);
        Bytecodes.push(method, index);
        method.visitInsn(Opcodes.IADD);
    }

}
