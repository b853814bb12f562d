package io.schemaspring.benchmarks.plain;

public class Profile {

    public Long id;

    public String name;

    public Address address;

    public static class Address {

        public String street;

        public String city;

        public String zip;

    }

    public static Profile numbered(int n) {
        Profile profile = new Profile();
        profile.name = "Profile " + n;
        profile.address = new Address();
        profile.address.street = "Main Street " + n;
        profile.address.city = "Krakow";
        profile.address.zip = "30-001";
        return profile;
    }

}
