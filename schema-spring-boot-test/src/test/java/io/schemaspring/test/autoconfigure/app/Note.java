package io.schemaspring.test.autoconfigure.app;

import io.schemaspring.annotation.Schema;

@Schema("notes")
public class Note {

    public Long id;

    public String text;

    public static Note saying(String text) {
        Note note = new Note();
        note.text = text;
        return note;
    }

}
