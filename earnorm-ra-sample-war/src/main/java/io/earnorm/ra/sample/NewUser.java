package io.earnorm.ra.sample;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a client sends to create a user, checked: a name of 1 to 100 characters and an email
 * address, kept in lower case.
 */
public record NewUser(String name, String email) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_NAME = 100;
    private static final int MAX_EMAIL = 254;

    /** Parses and checks a request body such as {@code {"name": "Ada", "email": "ada@example.com"}}. */
    public static NewUser parse(String body) {
        JsonObject json = object(body);
        String name = text(json, "name").strip();
        String email = text(json, "email").strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw ApiException.badRequest("name", "name must have 1 to " + MAX_NAME + " characters");
        }
        if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            throw ApiException.badRequest("email", "email must look like name@example.com");
        }
        return new NewUser(name, email);
    }

    private static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("body", "the request needs a JSON body such as {\"name\": \"Ada\", \"email\": \"ada@example.com\"}");
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ApiException.badRequest("body", "the body must be a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw ApiException.badRequest("body", "the body is not valid JSON");
        }
    }

    private static String text(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            throw ApiException.badRequest(field, field + " is required");
        }
        if (!(value instanceof JsonString string)) {
            throw ApiException.badRequest(field, field + " must be a string");
        }
        return string.getString();
    }
}
