package io.schemaspring.benchmarks.schema;

import io.schemaspring.annotation.EmbedsOne;
import io.schemaspring.annotation.Schema;

@Schema("bench_profiles")
public class SProfile {

    public Long id;

    public String name;

    @EmbedsOne
    public Address address;

    public static class Address {

        public String street;

        public String city;

        public String zip;

    }

    public static SProfile numbered(int n) {
        SProfile profile = new SProfile();
        profile.name = "Profile " + n;
        profile.address = new Address();
        profile.address.street = "Main Street " + n;
        profile.address.city = "Krakow";
        profile.address.zip = "30-001";
        return profile;
    }

}
