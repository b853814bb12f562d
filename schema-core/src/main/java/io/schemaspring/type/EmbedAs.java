package io.schemaspring.type;

/** How an enum is stored inside embeds (JSON), Ecto.Enum's {@code :embed_as} option. */
public enum EmbedAs {

    /** The constant's name, Ecto's default {@code :values}. */
    VALUES,
    /** The mapped value ({@code @EnumValue}), Ecto's {@code :dumped}. */
    DUMPED

}
