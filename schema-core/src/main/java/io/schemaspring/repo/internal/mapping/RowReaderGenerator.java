package io.schemaspring.repo.internal.mapping;

import io.schemaspring.internal.bytecode.Bytecodes;
import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.repo.internal.mapping.Bytecode.TypedGetter;
import io.schemaspring.type.PrimitiveType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
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
 * switched off; the mapping then reads through codecs and accessors. The path taken is
 * logged.
 */
final class RowReaderGenerator {

    private static final Log logger = LogFactory.getLog(RowReaderGenerator.class);

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
            Class<?> reader = Bytecodes.defineNestmate(type, bytes);
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
        ClassWriter writer = Bytecodes.writer();
        MethodVisitor read = Bytecode.rowReader(writer, name, new String[] { "codecs", "markers" },
                new String[] { "[L" + CODEC + ";", "[Ljava/lang/Object;" });
        read.visitTypeInsn(Opcodes.NEW, owner);
        read.visitInsn(Opcodes.DUP);
        read.visitMethodInsn(Opcodes.INVOKESPECIAL, owner, "<init>", "()V", false);
        read.visitVarInsn(Opcodes.ASTORE, 3);
        for (int i = 0; i < fields.length; i++) {
            Field field = fields[i];
            FieldMetadata metadataField = metadata.field(field.getName());
            TypedGetter getter = metadataField.type() instanceof PrimitiveType primitive
                    ? TypedGetter.of(primitive.fieldType(), field.getType()) : null;
            if (getter == null) {
                readThroughCodec(read, name, field, i);
            }
            else if (getter.primitive() != null) {
                readPrimitive(read, field, i, getter);
            }
            else {
                read.visitVarInsn(Opcodes.ALOAD, 3);
                Bytecode.column(read, i);
                getter.invoke(read, field.getType());
                putField(read, field);
            }
        }
        for (int i = 0; i < markers.length; i++) {
            read.visitVarInsn(Opcodes.ALOAD, 3);
            read.visitVarInsn(Opcodes.ALOAD, 0);
            read.visitFieldInsn(Opcodes.GETFIELD, name, "markers", "[Ljava/lang/Object;");
            Bytecodes.push(read, i);
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

    /**
     * {@code value = rs.getXxx(i); if (!rs.wasNull()) struct.field = value;} boxing for
     * wrapper fields.
     */
    private static void readPrimitive(MethodVisitor read, Field field, int index, TypedGetter getter) {
        Class<?> primitive = getter.primitive();
        Bytecode.column(read, index);
        read.visitMethodInsn(Opcodes.INVOKEINTERFACE, Bytecode.RESULT_SET, getter.method(), "(I)" + getter.descriptor(),
                true);
        Type valueType = Type.getType(primitive);
        read.visitVarInsn(valueType.getOpcode(Opcodes.ISTORE), 4);
        Label skip = new Label();
        read.visitVarInsn(Opcodes.ALOAD, 1);
        read.visitMethodInsn(Opcodes.INVOKEINTERFACE, Bytecode.RESULT_SET, "wasNull", "()Z", true);
        read.visitJumpInsn(Opcodes.IFNE, skip);
        read.visitVarInsn(Opcodes.ALOAD, 3);
        read.visitVarInsn(valueType.getOpcode(Opcodes.ILOAD), 4);
        if (!field.getType().isPrimitive()) {
            Bytecodes.box(read, primitive);
        }
        putField(read, field);
        read.visitLabel(skip);
    }

    /**
     * {@code value = codecs[i].read(rs, first + i);} then the field, unboxing for
     * primitives (null keeps the default).
     */
    private static void readThroughCodec(MethodVisitor read, String name, Field field, int index) {
        read.visitVarInsn(Opcodes.ALOAD, 0);
        read.visitFieldInsn(Opcodes.GETFIELD, name, "codecs", "[L" + CODEC + ";");
        Bytecodes.push(read, index);
        read.visitInsn(Opcodes.AALOAD);
        Bytecode.column(read, index);
        read.visitMethodInsn(Opcodes.INVOKEINTERFACE, CODEC, "read", "(Ljava/sql/ResultSet;I)Ljava/lang/Object;", true);
        read.visitVarInsn(Opcodes.ASTORE, 6);
        Label skip = new Label();
        if (field.getType().isPrimitive()) {
            read.visitVarInsn(Opcodes.ALOAD, 6);
            read.visitJumpInsn(Opcodes.IFNULL, skip);
        }
        read.visitVarInsn(Opcodes.ALOAD, 3);
        read.visitVarInsn(Opcodes.ALOAD, 6);
        Bytecodes.castOrUnbox(read, field.getType());
        putField(read, field);
        read.visitLabel(skip);
    }

    private static void putField(MethodVisitor method, Field field) {
        method.visitFieldInsn(Opcodes.PUTFIELD, Type.getInternalName(field.getDeclaringClass()), field.getName(),
                Type.getDescriptor(field.getType()));
    }

}
