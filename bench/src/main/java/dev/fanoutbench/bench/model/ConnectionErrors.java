package dev.fanoutbench.bench.model;

import dev.fanoutbench.spi.BodyTooLargeException;
import java.util.Locale;

/** A few words for a failed exchange, the same whichever client library raised it. */
final class ConnectionErrors {

    private ConnectionErrors() {}

    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String type = root.getClass().getSimpleName();
        String message = String.valueOf(root.getMessage()).toLowerCase(Locale.ROOT);
        String kind;
        if (root instanceof BodyTooLargeException) {
            kind = "body too large";
        } else if (message.contains("reset")) {
            kind = "reset";
        } else if (type.contains("NoHttpResponse")
                || message.contains("closed")
                || message.contains("failed to respond")) {
            kind = "empty response";
        } else if (type.contains("Malformed")
                || type.contains("ConnectionClosed")
                || message.contains("chunk")
                || message.contains("premature")
                || type.contains("ProtocolException")
                || type.contains("Decoder")) {
            kind = "malformed";
        } else if (message.contains("refused") || connectFailed(error)) {
            kind = "connection refused";
        } else {
            kind = "connection error";
        }
        return kind + ": " + type + ": " + root.getMessage();
    }

    /** A connect that failed: the JDK's client says so only by the type, its cause a bare ClosedChannelException. */
    private static boolean connectFailed(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }
}
