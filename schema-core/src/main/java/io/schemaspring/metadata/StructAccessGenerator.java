package io.schemaspring.metadata;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.asm.ClassWriter;
import org.springframework.asm.Label;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;

/**
 * Generates a {@link StructAccess} for a schema class: a hidden class, nestmate of the schema,
 * whose methods read and write the fields with plain field instructions and call the
 * no-argument constructor directly. Reading millions of rows through it costs what hand-written
 * mapping costs; method handles invoked from a field are several times slower. Fields it cannot
 * reach (private fields of a superclass outside the nest) are left to method handles.
 */
final class StructAccessGenerator {

    private StructAccessGenerator() {
    }

    /** Whether the generated class can access this field of a struct of the given class. */
    static boolean reachable(Class<?> type, Field field) {
        return field.getDeclaringClass().getNestHost() == type.getNestHost()
                || (Modifier.isPublic(field.getModifiers()) && Modifier.isPublic(field.getDeclaringClass().getModifiers()));
    }

    /**
     * The access object, or {@code null} when the class cannot be generated here (for example a
     * schema in a named module that is not opened): callers then use method handles.
     */
    static @Nullable StructAccess generate(Class<?> type, List<Field> fields) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            byte[] bytes = bytecode(type, fields);
            Class<?> generated = lookup.defineHiddenClass(bytes, true, MethodHandles.Lookup.ClassOption.NESTMATE)
                    .lookupClass();
            return (StructAccess) generated.getDeclaredConstructor().newInstance();
        }
        catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
            return null;
        }
    }

    private static byte[] bytecode(Class<?> type, List<Field> fields) {
        String name = Type.getInternalName(type) + "$$StructAccess";
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null, "java/lang/Object",
                new String[] {Type.getInternalName(StructAccess.class)});
        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor create = writer.visitMethod(Opcodes.ACC_PUBLIC, "newInstance", "()Ljava/lang/Object;", null, null);
        create.visitCode();
        create.visitTypeInsn(Opcodes.NEW, Type.getInternalName(type));
        create.visitInsn(Opcodes.DUP);
        create.visitMethodInsn(Opcodes.INVOKESPECIAL, Type.getInternalName(type), "<init>", "()V", false);
        create.visitInsn(Opcodes.ARETURN);
        create.visitMaxs(0, 0);
        create.visitEnd();

        MethodVisitor get = writer.visitMethod(Opcodes.ACC_PUBLIC, "get", "(Ljava/lang/Object;I)Ljava/lang/Object;", null, null);
        get.visitCode();
        Label[] getCases = labels(fields.size());
        Label getDefault = new Label();
        get.visitVarInsn(Opcodes.ILOAD, 2);
        get.visitTableSwitchInsn(0, Math.max(0, fields.size() - 1), getDefault, fields.isEmpty() ? new Label[] {getDefault} : getCases);
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            get.visitLabel(getCases[i]);
            if (!reachable(type, field)) {
                get.visitJumpInsn(Opcodes.GOTO, getDefault);
                continue;
            }
            get.visitVarInsn(Opcodes.ALOAD, 1);
            get.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(field.getDeclaringClass()));
            get.visitFieldInsn(Opcodes.GETFIELD, Type.getInternalName(field.getDeclaringClass()), field.getName(),
                    Type.getDescriptor(field.getType()));
            box(get, field.getType());
            get.visitInsn(Opcodes.ARETURN);
        }
        get.visitLabel(getDefault);
        unreachable(get);
        get.visitMaxs(0, 0);
        get.visitEnd();

        MethodVisitor set = writer.visitMethod(Opcodes.ACC_PUBLIC, "set", "(Ljava/lang/Object;ILjava/lang/Object;)V", null, null);
        set.visitCode();
        Label[] setCases = labels(fields.size());
        Label setDefault = new Label();
        set.visitVarInsn(Opcodes.ILOAD, 2);
        set.visitTableSwitchInsn(0, Math.max(0, fields.size() - 1), setDefault, fields.isEmpty() ? new Label[] {setDefault} : setCases);
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            set.visitLabel(setCases[i]);
            if (!reachable(type, field) || Modifier.isFinal(field.getModifiers())) {
                set.visitJumpInsn(Opcodes.GOTO, setDefault);
                continue;
            }
            set.visitVarInsn(Opcodes.ALOAD, 1);
            set.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(field.getDeclaringClass()));
            set.visitVarInsn(Opcodes.ALOAD, 3);
            unbox(set, field.getType());
            set.visitFieldInsn(Opcodes.PUTFIELD, Type.getInternalName(field.getDeclaringClass()), field.getName(),
                    Type.getDescriptor(field.getType()));
            set.visitInsn(Opcodes.RETURN);
        }
        set.visitLabel(setDefault);
        unreachable(set);
        set.visitMaxs(0, 0);
        set.visitEnd();

        writer.visitEnd();
        return writer.toByteArray();
    }

    private static Label[] labels(int count) {
        Label[] labels = new Label[count];
        for (int i = 0; i < count; i++) {
            labels[i] = new Label();
        }
        return labels;
    }

    private static void unreachable(MethodVisitor method) {
        method.visitTypeInsn(Opcodes.NEW, "java/lang/IllegalArgumentException");
        method.visitInsn(Opcodes.DUP);
        method.visitLdcInsn("field index not generated");
        method.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/IllegalArgumentException", "<init>", "(Ljava/lang/String;)V",
                false);
        method.visitInsn(Opcodes.ATHROW);
    }

    private static void box(MethodVisitor method, Class<?> type) {
        if (!type.isPrimitive()) {
            return;
        }
        Class<?> boxed = org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(type);
        method.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(boxed), "valueOf",
                "(" + Type.getDescriptor(type) + ")" + Type.getDescriptor(boxed), false);
    }

    private static void unbox(MethodVisitor method, Class<?> type) {
        if (!type.isPrimitive()) {
            method.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(type));
            return;
        }
        Class<?> boxed = org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(type);
        method.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(boxed));
        method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, Type.getInternalName(boxed), type.getName() + "Value",
                "()" + Type.getDescriptor(type), false);
    }
}
