package dev.fanoutbench.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Every error the stub gives is JSON, never Jetty's HTML page: the ones its own code writes, the
 * ones Jetty writes before a request reaches any handler (a URI or header too long, a request line
 * that does not parse), and any unexpected failure, whose details stay in the log, not in the answer.
 */
final class JsonErrors extends ErrorHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    static String body(String error) {
        try {
            return JSON.writeValueAsString(Map.of("error", error));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a JSON error at once (the request is not passed on). */
    static void send(HttpServletResponse response, int status, String error) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        byte[] bytes = body(error).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateAcceptableResponse(
            Request baseRequest, HttpServletRequest request, HttpServletResponse response, int code, String message)
            throws IOException {
        baseRequest.setHandled(true);
        send(
                response,
                code,
                code >= 500 ? "the stub failed on this request (its log says why)" : reason(code, message));
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(reason(status, reason)).getBytes(StandardCharsets.UTF_8));
    }

    private static String reason(int code, String message) {
        String text =
                message == null || message.isBlank() ? org.eclipse.jetty.http.HttpStatus.getMessage(code) : message;
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
