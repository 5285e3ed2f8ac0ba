package dev.fanoutbench.results;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The three times recorded for every request, named by what they run from and to. In JSON and in
 * file names they are written in lower case ({@code response}).
 */
public enum Series {
    /** from the request's intended start (its batch's start, or its slot in an open schedule) to its outcome */
    @JsonProperty("response")
    RESPONSE,
    /** from dispatch (a permit, a thread or the loop's turn obtained) to its outcome; none if never dispatched */
    @JsonProperty("service")
    SERVICE,
    /** from intended start to dispatch: the queueing the client itself added */
    @JsonProperty("dispatch")
    DISPATCH;

    /** The lower-case name used in JSON and in file names. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
