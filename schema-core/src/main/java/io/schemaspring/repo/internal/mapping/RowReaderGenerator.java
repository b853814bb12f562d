package io.schemaspring.repo.internal.mapping;

import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.type.FieldType;
import io.schemaspring.type.PrimitiveType;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.asm.ClassWriter;
import org.springframework.asm.Label;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;
import org.springframework.util.ReflectionUtils;

/**
 * Generates the row reader of a schema: straight-line bytecode that calls the typed
 * {@code ResultSet} getter of each simple column and writes the field directly, as a
 * hand-written {@code RowMapper} does, leaving only complex columns (JSON, arrays, UUIDs,
 * enums, custom types) to their codecs. Answers {@code null} when a field is out of reach
 * (a private field of a superclass outside the schema's nest) or generation fails or is
 * switched off; the mapping then reads through codecs and accessors. The path taken is logged.
 */
final class RowReaderGenerator {

    private static final Log logger = LogFactory.getLog(RowReaderGenerator.class);

    private static final String RESULT_SET = Type.getInternalName(ResultSet.class);
    private static final String CODEC = Type.getInternalName(Codec.class);

    private RowReaderGenerator() {
    }

    static @Nullable RowReader generate(SchemaMetadata metadata, List<String> queryFields, Codec[] codecs,
            List<String> markerFields, Object[] markers, boolean enabled) {
        Class<?> type = metadata.schemaClass();
        if (!enabled) {
            logger.info("Rows of " + type.getName() + " are read through codecs: bytecode generation is off "
                    + "(schema.bytecode.enabled=false)");
            return null;
        }
        try {
            Field[] fields = new Field[queryFields.size()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = reachable(type, queryFields.get(i));
            }
            Field[] markerTargets = new Field[markerFields.size()];
            for (int i = 0; i < markerTargets.length; i++) {
                markerTargets[i] = reachable(type, markerFields.get(i));
            }
            type.getDeclaredConstructor();
            byte[] bytes = bytecode(metadata, fields, markerTargets);
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            Class<?> reader = lookup.defineHiddenClass(bytes, true, MethodHandles.Lookup.ClassOption.NESTMATE).lookupClass();
            RowReader rowReader = (RowReader) reader.getDeclaredConstructor(Codec[].class, Object[].class)
                    .newInstance(codecs, markers);
            if (logger.isDebugEnabled()) {
                logger.debug("Rows of " + type.getName() + " are read by a generated row reader");
            }
            return rowReader;
        }
        catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
            logger.warn("Rows of " + type.getName() + " are read through codecs: generating the row reader failed", ex);
            return null;
        }
    }

    private static Field reachable(Class<?> type, String name) {
        Field field = ReflectionUtils.findField(type, name);
        if (field == null || Modifier.isFinal(field.getModifiers())
                || field.getDeclaringClass().getNestHost() != type.getNestHost()) {
            throw new IllegalStateException("field " + name + " is out of reach of generated code");
        }
        return field;
    }

    private static byte[] bytecode(SchemaMetadata metadata, Field[] fields, Field[] markers) {
        Class<?> type = metadata.schemaClass();
        String owner = Type.getInternalName(type);
        String name = owner + "$$RowReader";
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String first, String second) {
                return "java/lang/Object";
            }
        };
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null, "java/lang/Object",
                new String[] {Type.getInternalName(RowReader.class)});
        writer.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "codecs", "[L" + CODEC + ";", null, null).visitEnd();
        writer.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "markers", "[Ljava/lang/Object;", null, null).visitEnd();

        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "([L" + CODEC + ";[Ljava/lang/Object;)V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitVarInsn(Opcodes.ALOAD, 1);
        init.visitFieldInsn(Opcodes.PUTFIELD, name, "codecs", "[L" + CODEC + ";");
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitVarInsn(Opcodes.ALOAD, 2);
        init.visitFieldInsn(Opcodes.PUTFIELD, name, "markers", "[Ljava/lang/Object;");
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor read = writer.visitMethod(Opcodes.ACC_PUBLIC, "read", "(Ljava/sql/ResultSet;I)Ljava/lang/Object;", null,
                new String[] {"java/sql/SQLException"});
        read.visitCode();
        read.visitTypeInsn(Opcodes.NEW, owner);
        read.visitInsn(Opcodes.DUP);
        read.visitMethodInsn(Opcodes.INVOKESPECIAL, owner, "<init>", "()V", false);
        read.visitVarInsn(Opcodes.ASTORE, 3);
        for (int i = 0; i < fields.length; i++) {
            Field field = fields[i];
            FieldMetadata metadataField = metadata.field(field.getName());
            Getter getter = getter(metadataField, field.getType());
            if (getter == null) {
                readThroughCodec(read, name, field, i);
            }
            else if (getter.primitive() != null) {
                readPrimitive(read, field, i, getter);
            }
            else {
                read.visitVarInsn(Opcodes.ALOAD, 3);
                column(read, i);
                if (getter.method().equals("getObject")) {
                    read.visitLdcInsn(Type.getType(field.getType()));
                    read.visitMethodInsn(Opcodes.INVOKEINTERFACE, RESULT_SET, "getObject",
                            "(ILjava/lang/Class;)Ljava/lang/Object;", true);
                }
                else {
                    read.visitMethodInsn(Opcodes.INVOKEINTERFACE, RESULT_SET, getter.method(), "(I)" + getter.descriptor(), true);
                }
                read.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(field.getType()));
                putField(read, field);
            }
        }
        for (int i = 0; i < markers.length; i++) {
            read.visitVarInsn(Opcodes.ALOAD, 3);
            read.visitVarInsn(Opcodes.ALOAD, 0);
            read.visitFieldInsn(Opcodes.GETFIELD, name, "markers", "[Ljava/lang/Object;");
            push(read, i);
            read.visitInsn(Opcodes.AALOAD);
            read.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(markers[i].getType()));
            putField(read, markers[i]);
        }
        read.visitVarInsn(Opcodes.ALOAD, 3);
        read.visitInsn(Opcodes.ARETURN);
        read.visitMaxs(0, 0);
        read.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** A typed getter: the method, its return descriptor, and the primitive it returns (null for objects). */
    private record Getter(String method, String descriptor, @Nullable Class<?> primitive) {
    }

    private static @Nullable Getter getter(FieldMetadata field, Class<?> javaType) {
        if (!(field.type() instanceof PrimitiveType primitive)) {
            return null;
        }
        FieldType type = primitive.fieldType();
        Class<?> boxed = org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(javaType);
        if ((type == FieldType.ID || type == FieldType.INTEGER) && boxed == Long.class) {
            return new Getter("getLong", "J", long.class);
        }
        if ((type == FieldType.ID || type == FieldType.INTEGER) && boxed == Integer.class) {
            return new Getter("getInt", "I", int.class);
        }
        if (type == FieldType.FLOAT && boxed == Double.class) {
            return new Getter("getDouble", "D", double.class);
        }
        if (type == FieldType.BOOLEAN) {
            return new Getter("getBoolean", "Z", boolean.class);
        }
        if (type == FieldType.STRING) {
            return new Getter("getString", "Ljava/lang/String;", null);
        }
        if (type == FieldType.DECIMAL && javaType == BigDecimal.class) {
            return new Getter("getBigDecimal", "Ljava/math/BigDecimal;", null);
        }
        if (type == FieldType.BINARY) {
            return new Getter("getBytes", "[B", null);
        }
        boolean naive = (type == FieldType.NAIVE_DATETIME || type == FieldType.NAIVE_DATETIME_USEC) && javaType == LocalDateTime.class;
        if (naive || (type == FieldType.DATE && javaType == LocalDate.class)
                || ((type == FieldType.TIME || type == FieldType.TIME_USEC) && javaType == LocalTime.class)) {
            return new Getter("getObject", "Ljava/lang/Object;", null);
        }
        return null;
    }

    /** {@code value = rs.getXxx(i); if (!rs.wasNull()) struct.field = value;} boxing for wrapper fields. */
    private static void readPrimitive(MethodVisitor read, Field field, int index, Getter getter) {
        Class<?> primitive = getter.primitive();
        column(read, index);
        read.visitMethodInsn(Opcodes.INVOKEINTERFACE, RESULT_SET, getter.method(), "(I)" + getter.descriptor(), true);
        Type valueType = Type.getType(primitive);
        read.visitVarInsn(valueType.getOpcode(Opcodes.ISTORE), 4);
        Label skip = new Label();
        read.visitVarInsn(Opcodes.ALOAD, 1);
        read.visitMethodInsn(Opcodes.INVOKEINTERFACE, RESULT_SET, "wasNull", "()Z", true);
        read.visitJumpInsn(Opcodes.IFNE, skip);
        read.visitVarInsn(Opcodes.ALOAD, 3);
        read.visitVarInsn(valueType.getOpcode(Opcodes.ILOAD), 4);
        if (!field.getType().isPrimitive()) {
            Class<?> boxed = org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(primitive);
            read.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(boxed), "valueOf",
                    "(" + valueType.getDescriptor() + ")" + Type.getDescriptor(boxed), false);
        }
        putField(read, field);
        read.visitLabel(skip);
    }

    /** {@code value = codecs[i].read(rs, first + i);} then the field, unboxing for primitives (null keeps the default). */
    private static void readThroughCodec(MethodVisitor read, String name, Field field, int index) {
        read.visitVarInsn(Opcodes.ALOAD, 0);
        read.visitFieldInsn(Opcodes.GETFIELD, name, "codecs", "[L" + CODEC + ";");
        push(read, index);
        read.visitInsn(Opcodes.AALOAD);
        read.visitVarInsn(Opcodes.ALOAD, 1);
        read.visitVarInsn(Opcodes.ILOAD, 2);
        push(read, index);
        read.visitInsn(Opcodes.IADD);
        read.visitMethodInsn(Opcodes.INVOKEINTERFACE, CODEC, "read", "(Ljava/sql/ResultSet;I)Ljava/lang/Object;", true);
        read.visitVarInsn(Opcodes.ASTORE, 6);
        Label skip = new Label();
        if (field.getType().isPrimitive()) {
            read.visitVarInsn(Opcodes.ALOAD, 6);
            read.visitJumpInsn(Opcodes.IFNULL, skip);
        }
        read.visitVarInsn(Opcodes.ALOAD, 3);
        read.visitVarInsn(Opcodes.ALOAD, 6);
        if (field.getType().isPrimitive()) {
            Class<?> boxed = org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(field.getType());
            read.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(boxed));
            read.visitMethodInsn(Opcodes.INVOKEVIRTUAL, Type.getInternalName(boxed), field.getType().getName() + "Value",
                    "()" + Type.getDescriptor(field.getType()), false);
        }
        else {
            read.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(field.getType()));
        }
        putField(read, field);
        read.visitLabel(skip);
    }

    private static void column(MethodVisitor read, int index) {
        read.visitVarInsn(Opcodes.ALOAD, 1);
        read.visitVarInsn(Opcodes.ILOAD, 2);
        push(read, index);
        read.visitInsn(Opcodes.IADD);
    }

    private static void putField(MethodVisitor method, Field field) {
        method.visitFieldInsn(Opcodes.PUTFIELD, Type.getInternalName(field.getDeclaringClass()), field.getName(),
                Type.getDescriptor(field.getType()));
    }

    private static void push(MethodVisitor method, int value) {
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
}
