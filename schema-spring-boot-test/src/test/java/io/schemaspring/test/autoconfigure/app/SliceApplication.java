package io.schemaspring.test.autoconfigure.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SliceApplication {

}
