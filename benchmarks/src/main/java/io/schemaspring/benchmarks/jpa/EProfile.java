package io.schemaspring.benchmarks.jpa;

import io.schemaspring.benchmarks.plain.Profile;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import tools.jackson.databind.json.JsonMapper;

@Entity
@Table(name = "bench_profiles")
public class EProfile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    @Convert(converter = AddressConverter.class)
    public Profile.Address address;

    @Converter
    public static class AddressConverter implements AttributeConverter<Profile.Address, String> {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        @Override
        public String convertToDatabaseColumn(Profile.Address address) {
            return address == null ? null : JSON.writeValueAsString(address);
        }

        @Override
        public Profile.Address convertToEntityAttribute(String json) {
            return json == null ? null : JSON.readValue(json, Profile.Address.class);
        }

    }

}
