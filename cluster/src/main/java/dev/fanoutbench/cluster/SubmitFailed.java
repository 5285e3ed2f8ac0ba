package dev.fanoutbench.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Locale;

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

    /** The innermost cause, by type and message: a ConnectException says more than fabric8's wrapper. */
    static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String type = root.getClass().getSimpleName();
        return root.getMessage() == null || root.getMessage().isBlank() ? type : type + ": " + root.getMessage();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
