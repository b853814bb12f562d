package io.schemaspring.test.autoconfigure.app;

import org.springframework.stereotype.Service;

/** An application component: a data-layer slice does not load it. */
@Service
public class NoteService {

}
