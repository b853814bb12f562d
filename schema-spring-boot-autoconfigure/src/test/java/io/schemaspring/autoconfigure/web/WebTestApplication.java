package io.schemaspring.autoconfigure.web;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small application that uses the starter's web integration the way users do. */
@SpringBootApplication
public class WebTestApplication {

}
