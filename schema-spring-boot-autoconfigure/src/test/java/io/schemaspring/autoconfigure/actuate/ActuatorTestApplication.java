package io.schemaspring.autoconfigure.actuate;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application with actuator and the blog fixtures. */
@SpringBootApplication
public class ActuatorTestApplication {

}
