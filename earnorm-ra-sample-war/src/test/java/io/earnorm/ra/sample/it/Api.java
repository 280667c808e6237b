package io.earnorm.ra.sample.it;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The sample application's REST API as a client calls it, over HTTP on the loopback. */
final class Api {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** {@code deployed} is where Arquillian says the application is; Payara names the machine's address, we use the loopback. */
    Api(URL deployed) {
        this.base = URI.create("http://127.0.0.1:" + deployed.getPort() + deployed.getPath());
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    /** A GET of a path of the server rather than of the application ({@code metrics}, {@code health/ready}). */
    Reply getFromServer(String path) {
        return send(HttpRequest.newBuilder(base.resolve("/" + path)).timeout(TIMEOUT).GET());
    }

    Reply delete(String path, String clientId) {
        return send(request(path).header("X-Client-Id", clientId).DELETE());
    }

    Reply post(String path, String json, String clientId) {
        return send(request(path).header("Content-Type", "application/json").header("X-Client-Id", clientId)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path)).timeout(TIMEOUT);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException("the sample application did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: its status, its body, and the body as JSON. */
    record Reply(int status, String body, HttpResponse<String> response) {

        JsonStructure json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
