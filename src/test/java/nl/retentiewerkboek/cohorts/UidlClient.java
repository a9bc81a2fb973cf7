package nl.retentiewerkboek.cohorts;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One participant's browser tab as the server sees it, without a browser: it signs in through the login form, opens a
 * page with Vaadin's own requests (the init request, then the navigation event) and types into a field as Vaadin's
 * client does after a pause in typing: the field's value synchronised and its debounced {@code input} event, in one
 * UIDL request whose answer carries the screen's changes ("Opgeslagen" once saved). Real HTTP round trips for the
 * room benchmark; many of these share one {@link HttpClient} and keep their own cookies.
 */
final class UidlClient {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"(_csrf(?:_parameter)?)\" content=\"([^\"]+)\"");
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");
    private static final Pattern SYNC_ID = Pattern.compile("\"syncId\":(\\d+)");
    private static final Pattern CLIENT_ID = Pattern.compile("\"clientId\":(\\d+)");
    private static final Pattern ELEMENT_ID =
            Pattern.compile("\"node\":(\\d+),\"type\":\"put\",\"key\":\"id\",\"feat\":3,\"value\":\"([^\"]+)\"");

    private final HttpClient http;
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, Integer> nodes = new HashMap<>();
    private String securityKey;
    private int uiId;
    private int syncId;
    private int clientId;

    UidlClient(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    /** Signs in through the login form, with the CSRF token the form reads from the page. */
    void logIn(String username, String password) throws IOException, InterruptedException {
        Matcher m = CSRF.matcher(send(get("/login")).body());
        Map<String, String> token = new HashMap<>();
        while (m.find()) {
            token.put(m.group(1), m.group(2));
        }
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&"
                + enc(token.get("_csrf_parameter")) + "=" + enc(token.get("_csrf"));
        HttpResponse<String> answer = send(request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        String to = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || to.contains("error")) {
            throw new IllegalStateException("login refused for " + username + ": " + answer.statusCode() + " " + to);
        }
    }

    /** Opens a page (route without the leading slash) as a browser tab does: the page, Vaadin's init, the navigation. */
    void open(String route) throws IOException, InterruptedException {
        send(get("/" + route));
        String init = send(get("/?v-r=init&location=" + enc(route) + "&query=")).body();
        securityKey = group(SECURITY_KEY, init);
        uiId = Integer.parseInt(group(UI_ID, init));
        syncId = -1;
        clientId = 0;
        remember(init);
        rpc("{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route
                + "\",\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}");
        if (nodes.isEmpty()) {
            throw new IllegalStateException("no page came back for " + route);
        }
    }

    /**
     * Types a value into a text field (by its element id) and waits for the answer, as after a pause in typing; returns
     * the answer (the screen's changes).
     */
    synchronized String type(String fieldId, String value) throws IOException, InterruptedException {
        Integer node = nodes.get(fieldId);
        if (node == null) {
            throw new IllegalStateException("no field " + fieldId + " on the page");
        }
        return rpc("{\"type\":\"mSync\",\"node\":" + node + ",\"feature\":1,\"property\":\"value\",\"value\":\"" + value
                + "\"},{\"type\":\"event\",\"node\":" + node + ",\"event\":\"input\",\"data\":{\"1\":true,\"for\":"
                + "\"trailing\"}}");
    }

    private String rpc(String calls) throws IOException, InterruptedException {
        String body = "{\"csrfToken\":\"" + securityKey + "\",\"rpc\":[" + calls + "],\"syncId\":" + syncId
                + ",\"clientId\":" + clientId + "}";
        HttpResponse<String> answer = send(request("/?v-r=uidl&v-uiId=" + uiId)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        String text = answer.body();
        if (answer.statusCode() != 200 || !text.contains("\"syncId\"")) {
            throw new IllegalStateException("UIDL request failed: " + answer.statusCode() + " " + abbreviate(text));
        }
        syncId = Integer.parseInt(group(SYNC_ID, text));
        clientId = Integer.parseInt(group(CLIENT_ID, text));
        remember(text);
        return text;
    }

    private void remember(String changes) {
        Matcher m = ELEMENT_ID.matcher(changes);
        while (m.find()) {
            nodes.put(m.group(2), Integer.parseInt(m.group(1)));
        }
    }

    private HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (!cookies.isEmpty()) {
            builder.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(c -> c.getKey() + "=" + c.getValue())
                            .collect(Collectors.joining("; ")));
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : answer.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return answer;
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not in the answer: " + pattern + " in " + abbreviate(text));
        }
        return m.group(1);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
