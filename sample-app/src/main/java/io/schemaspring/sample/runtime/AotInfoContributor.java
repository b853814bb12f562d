package io.schemaspring.sample.runtime;

import org.springframework.aot.AotDetector;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/info} says whether the application runs on its AOT-generated bean
 * definitions.
 */
@Component
class AotInfoContributor implements InfoContributor {

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("aot", AotDetector.useGeneratedArtifacts());
    }

}
