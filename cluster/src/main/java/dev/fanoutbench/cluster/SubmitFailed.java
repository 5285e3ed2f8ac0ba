package dev.fanoutbench.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The cluster refused or never answered, as one line naming the resource and why: never
 * fabric8's message, which spans lines and quotes the whole request.
 */
public final class SubmitFailed extends RuntimeException {

    private final boolean badInput;

    SubmitFailed(String message, boolean badInput, Throwable cause) {
        super(message, cause);
        this.badInput = badInput;
    }

    /**
     * Whether the cause is what was asked (the API found the request wrong, or the namespace
     * missing), not the cluster (unreachable, forbidden, failing).
     */
    public boolean badInput() {
        return badInput;
    }

    static SubmitFailed of(KubernetesClientException e, String verb, HasMetadata resource, String api) {
        String what = resource.getKind().toLowerCase(Locale.ROOT) + "/"
                + resource.getMetadata().getName() + " in namespace "
                + resource.getMetadata().getNamespace();
        int code = e.getCode();
        String status = e.getStatus() != null && e.getStatus().getMessage() != null
                ? e.getStatus().getMessage()
                : rootCause(e);
        String line;
        if (code <= 0) {
            // no answer at all (fabric8 gives -1): refused, unknown host, TLS, timeout
            line = "cannot reach the Kubernetes API at " + api
                    + " (the current context of $KUBECONFIG or ~/.kube/config): " + rootCause(e);
        } else if (code == 401) {
            line = "the Kubernetes API at " + api + " did not accept the credentials: " + status;
        } else if (code == 403) {
            line = "forbidden to " + verb + " " + what + ": " + status;
        } else {
            line = "cannot " + verb + " " + what + " (HTTP " + code + "): " + status;
        }
        return new SubmitFailed(oneLine(line), code == 400 || code == 404 || code == 422, e);
    }

    /**
     * What went wrong under the wrappers (fabric8's, the JDK's bare IOException): the first
     * cause that says something, with its own cause when it has no message, so that
     * "ConnectException (UnresolvedAddressException)" tells a wrong host from a closed port.
     */
    static String rootCause(Throwable e) {
        Throwable at = e;
        while (at.getCause() != null && at.getCause() != at && isBareWrapper(at)) {
            at = at.getCause();
        }
        Throwable cause = at.getCause() == at ? null : at.getCause();
        if (hasMessage(at) || cause == null) {
            return describe(at);
        }
        return at.getClass().getSimpleName() + " (" + describe(cause) + ")";
    }

    private static boolean isBareWrapper(Throwable t) {
        return t instanceof KubernetesClientException
                || !hasMessage(t)
                        && (t.getClass() == IOException.class
                                || t instanceof ExecutionException
                                || t instanceof CompletionException);
    }

    private static boolean hasMessage(Throwable t) {
        return t.getMessage() != null && !t.getMessage().isBlank();
    }

    private static String describe(Throwable t) {
        String type = t.getClass().getSimpleName();
        return hasMessage(t) ? type + ": " + t.getMessage() : type;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
