package dev.fanoutbench.bench.model;

import java.net.URI;

/**
 * What a 2xx answer must also satisfy to count as a success. The stub echoes each request's id in
 * its body, so by default a client proves the answer belongs to the question; another target
 * may need another check, or none.
 *
 * <p>Implementations must be thread-safe: they run on whatever thread received the answer.
 */
@FunctionalInterface
public interface ResponseCheck {

    /** Why the answer is not a success ("body does not echo id 7"), or null if it is. */
    String problem(URI uri, String body);

    /** The stub's wire format: the body contains {@code "id":"<the URI's last path segment>"}. */
    ResponseCheck ECHOES_ID = (uri, body) -> {
        String path = uri.getPath();
        String id = path.substring(path.lastIndexOf('/') + 1);
        return body != null && body.contains("\"id\":\"" + id + "\"") ? null : "body does not echo id " + id;
    };

    /** Any 2xx is a success. */
    ResponseCheck ANY_2XX = (uri, body) -> null;
}
