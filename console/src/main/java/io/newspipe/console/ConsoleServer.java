package io.newspipe.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.newspipe.common.ErrorCode;
import io.newspipe.common.HealthStatus;

/**
 * The operator console over HTTP (Jetty 12 core): server-rendered pages, a stylesheet and a small script from the
 * jar, nothing fetched at run time. Routes:
 *
 * <pre>
 * GET  /pipeline                       services, broker, registry, records/s, lag
 * GET  /articles[?q=]                  latest articles, or search by id, URL or text
 * GET  /articles/{id}[?revision=N]     text with marks, tables, revision history and diffs, story
 * GET  /dead-letters[?max=N]           newest dead letters, re-drive form
 * GET  /dead-letters/{topic}/{p}/{o}   one dead letter: headers and bytes
 * POST /dead-letters/redrive           id=..., stage, all, action=dry-run|start  -> 303 /runs/{n}
 * GET  /replay                         replay form
 * POST /replay                         from, to, ids, action=dry-run|start      -> 303 /runs/{n}
 * GET  /runs, /runs/{n}, /runs/{n}.json
 * GET  /login, POST /login, POST /logout, GET /health/live, /health/ready, /static/*
 * </pre>
 *
 * With a token every route but login, health and static answers 401 (scripts) or redirects to the login page
 * (browsers) until the token is shown. POSTs from another origin are refused (403).
 */
public final class ConsoleServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsoleServer.class);
    static final ObjectMapper JSON = new ObjectMapper();
    static final String HTML_TYPE = "text/html; charset=utf-8";
    /** Threads serving requests: enough for a few operators; a slow page holds one of them, never the pipeline. */
    static final int MAX_THREADS = 16;
    static final long IDLE_TIMEOUT_MS = 30_000;
    private static final Set<String> STATIC = Set.of("console.css", "console.js");

    private final ConsoleSettings settings;
    private final OperatorActions actions;
    private final ConsoleAuth auth;
    private final PipelineMonitor monitor;
    private final ArticleIndex index;
    private final ArticleReader reader;
    private final ArticlePages articles;
    private final ActionRuns runs;
    private final Clock clock;
    private final Server server;
    private final ServerConnector connector;

    public ConsoleServer(ConsoleSettings settings, OperatorActions actions, StoryLinks stories, Clock clock) {
        this.settings = settings;
        this.actions = actions;
        this.clock = clock;
        this.auth = new ConsoleAuth(settings.apiToken());
        this.monitor = new PipelineMonitor(settings, clock);
        this.index = new ArticleIndex(settings);
        this.reader = new ArticleReader(settings);
        this.articles = new ArticlePages(index, reader, stories);
        this.runs = new ActionRuns(clock);
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 2);
        pool.setName("console-http");
        pool.setDaemon(true);
        this.server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(settings.config().httpBindAddress());
        connector.setPort(settings.config().httpPort());
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        server.addConnector(connector);
        server.setHandler(new Router());
    }

    public ConsoleServer start() {
        monitor.start();
        index.start();
        try {
            server.start();
        } catch (Exception e) {
            close();
            if (e instanceof IOException && e.getCause() instanceof java.net.BindException
                    || e instanceof java.net.BindException) {
                throw new IllegalStateException("Cannot serve the console on " + settings.config().httpBindAddress()
                        + ":" + settings.config().httpPort() + ": the port is already in use (--http-port)", e);
            }
            throw new IllegalStateException("Cannot start the console: " + e.getMessage(), e);
        }
        log.info("Console on {} ({})", baseUrl(), auth.open() ? "open: no token set" : "token required");
        return this;
    }

    public int port() {
        return connector.getLocalPort();
    }

    public String baseUrl() {
        return "http://" + settings.config().httpBindAddress() + ":" + port();
    }

    /** Ready when Kafka answered the last sample. */
    public HealthStatus readiness() {
        PipelineMonitor.Status s = monitor.status();
        return s.broker().up() ? HealthStatus.up("Kafka reachable") : HealthStatus.down(s.broker().detail());
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            log.warn("Stopping the console's HTTP server failed", e);
        }
        runs.close();
        index.close();
        reader.close();
        monitor.close();
    }

    /** An answer: status, content type and body, or a redirect. */
    private record Reply(int status, String contentType, byte[] body, String location, HttpCookie cookie) {

        static Reply html(int status, String html) {
            return new Reply(status, HTML_TYPE, html.getBytes(StandardCharsets.UTF_8), null, null);
        }

        static Reply json(int status, String json) {
            return new Reply(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8), null,
                    null);
        }

        static Reply error(ErrorCode code, String message) {
            return json(code.status(), code.json(message));
        }

        static Reply redirect(String location) {
            return new Reply(303, null, new byte[0], location, null);
        }

        Reply withCookie(HttpCookie c) {
            return new Reply(status, contentType, body, location, c);
        }
    }

    private final class Router extends Handler.Abstract {

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Reply reply;
            try {
                reply = route(request);
            } catch (PipelineMonitor.KafkaCallException | OperatorActions.ActionFailedException e) {
                reply = Reply.html(503, page(request, "Not available now", Layout.notice("error", Html.esc(
                        e.getMessage()) + " — the rest of the console keeps working; try again when Kafka answers.")));
            } catch (BadRequest e) {
                reply = Reply.html(400, page(request, "Cannot do that", Layout.notice("error", Html.esc(e.getMessage()))));
            } catch (RuntimeException e) {
                log.error("{} {} failed", request.getMethod(), request.getHttpURI().getPath(), e);
                reply = Reply.html(500, page(request, "Something went wrong", Layout.notice("error",
                        Html.esc(e.getClass().getSimpleName() + ": " + e.getMessage()))));
            }
            send(response, callback, reply);
            return true;
        }
    }

    private void send(Response response, Callback callback, Reply reply) {
        response.setStatus(reply.status());
        var headers = response.getHeaders();
        headers.put("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on POST and the origin check fails
        headers.put("Referrer-Policy", "same-origin");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
                + "form-action 'self'; base-uri 'none'");
        if (reply.location() != null) {
            headers.put(HttpHeader.LOCATION, reply.location());
        }
        if (reply.cookie() != null) {
            Response.addCookie(response, reply.cookie());
        }
        if (reply.contentType() != null) {
            headers.put(HttpHeader.CONTENT_TYPE, reply.contentType());
            if (!reply.contentType().startsWith("text/css") && !reply.contentType().startsWith("text/javascript")) {
                headers.put(HttpHeader.CACHE_CONTROL, "no-store");
            }
        }
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }

    private Reply route(Request request) {
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        boolean get = method.equals("GET") || method.equals("HEAD");
        boolean post = method.equals("POST");
        if (path.equals("/health/live") && get) {
            return Reply.json(200, "{\"status\":\"UP\"}");
        }
        if (path.equals("/health/ready") && get) {
            HealthStatus h = readiness();
            return Reply.json(h.ready() ? 200 : 503, "{\"status\":\"" + (h.ready() ? "UP" : "DOWN")
                    + "\",\"detail\":" + ReplayPages.jsonString(h.detail()) + "}");
        }
        if (path.startsWith("/static/") && get) {
            return staticFile(path.substring("/static/".length()));
        }
        if (post && !sameOrigin(request)) {
            return Reply.html(403, page(request, "Refused", Layout.notice("error",
                    "This form was sent from another site (Origin " + Html.esc(request.getHeaders().get(HttpHeader.ORIGIN))
                            + "); the console only accepts its own forms.")));
        }
        if (path.equals("/login")) {
            return login(request, get, post);
        }
        if (path.equals("/logout") && post) {
            return Reply.redirect("/login").withCookie(sessionCookie(request, "", 0));
        }
        if (!auth.allows(request.getHeaders().get(HttpHeader.AUTHORIZATION), cookie(request))) {
            if (wantsHtml(request) && get) {
                return Reply.redirect("/login?next=" + Html.url(pathAndQuery(request)));
            }
            return Reply.error(ErrorCode.UNAUTHORIZED, "The console needs the ingest token: "
                    + "Authorization: Bearer <token>, or sign in at /login");
        }
        if (path.equals("/") && get) {
            return Reply.redirect("/pipeline");
        }
        if (path.equals("/pipeline") && get) {
            return Reply.html(200, page(request, "Pipeline", PipelinePage.body(monitor, index.state(),
                    clock.instant())));
        }
        if (path.equals("/articles") && get) {
            return Reply.html(200, page(request, "Articles", articles.search(query(request).getValue("q"))));
        }
        if (path.startsWith("/articles/") && get) {
            String id = decode(path.substring("/articles/".length()));
            Integer revision = intParam(query(request).getValue("revision"), "revision");
            Optional<String[]> found = articles.article(id, revision);
            if (found.isEmpty()) {
                return Reply.html(404, page(request, "No such article", Layout.notice("error", "No revision of <code>"
                        + Html.esc(id) + "</code> is on " + Html.esc(index.topic())
                        + (index.state().caughtUp() ? "." : " yet (the console is still reading the topic)."))));
            }
            return Reply.html(200, page(request, found.get()[0], found.get()[1]));
        }
        if (path.equals("/dead-letters") && get) {
            Integer max = intParam(query(request).getValue("max"), "max");
            int n = Math.max(1, Math.min(DeadLetterPages.MAX, max == null ? DeadLetterPages.DEFAULT_MAX : max));
            return Reply.html(200, page(request, "Dead letters", DeadLetterPages.list(actions.deadLetters(n), n,
                    settings.config().errorTopic())));
        }
        if (path.equals("/dead-letters/redrive") && post) {
            return redrive(form(request));
        }
        if (path.startsWith("/dead-letters/") && get) {
            return deadLetter(request, path.substring("/dead-letters/".length()));
        }
        if (path.equals("/replay") && get) {
            return Reply.html(200, page(request, "Replay", ReplayPages.form(actions.timeFormats(), "", "", "")));
        }
        if (path.equals("/replay") && post) {
            return replay(request, form(request));
        }
        if (path.equals("/runs") && get) {
            return Reply.html(200, page(request, "Runs", ReplayPages.runs(runs.recent())));
        }
        if (path.startsWith("/runs/") && get) {
            String rest = path.substring("/runs/".length());
            boolean json = rest.endsWith(".json");
            Integer id = intParam(json ? rest.substring(0, rest.length() - 5) : rest, "run");
            Optional<ActionRuns.Run> run = id == null ? Optional.empty() : runs.get(id);
            if (run.isEmpty()) {
                return json ? Reply.error(ErrorCode.NOT_FOUND, "No run " + rest.substring(0, rest.length() - 5))
                        : Reply.html(404, page(request, "No such run", "<p>Runs are kept while the console runs, the "
                                + ActionRuns.KEEP + " newest.</p>"));
            }
            return json ? Reply.json(200, ReplayPages.json(run.get()))
                    : Reply.html(200, page(request, "Run #" + run.get().id() + ": " + run.get().title(),
                            ReplayPages.run(run.get())));
        }
        return Reply.html(get || post ? 404 : 405, page(request, "Not found",
                "<p>Nothing at " + Html.esc(path) + ". <a href=\"/pipeline\">Pipeline</a></p>"));
    }

    private Reply login(Request request, boolean get, boolean post) {
        String next = safeNext(post ? form(request).getValue("next") : query(request).getValue("next"));
        if (auth.open()) {
            return Reply.redirect(next);
        }
        String error = "";
        if (post) {
            if (auth.matchesToken(form(request).getValue("token"))) {
                return Reply.redirect(next).withCookie(sessionCookie(request, auth.cookieValue(), -1));
            }
            error = Layout.notice("error", "That is not the token.");
        }
        if (!get && !post) {
            return Reply.html(405, page(request, "Sign in", ""));
        }
        String body = error + "<form method=\"post\" action=\"/login\" class=\"login\"><input type=\"hidden\" "
                + "name=\"next\" value=\"" + Html.esc(next) + "\"><p><label for=\"token\">Token (the ingest API token)"
                + "</label><br><input type=\"password\" id=\"token\" name=\"token\" autocomplete=\"current-password\" "
                + "required autofocus></p><p><button type=\"submit\" class=\"primary\">Sign in</button></p></form>";
        return Reply.html(post ? 401 : 200, Layout.page("/login", "Sign in", false, body));
    }

    private Reply redrive(Fields form) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(form.getValuesOrEmpty("id")));
        ids.removeIf(String::isBlank);
        boolean all = "yes".equals(form.getValue("all"));
        if (ids.isEmpty() && !all) {
            throw new BadRequest("Select at least one dead letter, or tick “all ids” to re-drive every dead letter "
                    + "not re-driven yet.");
        }
        String stage = blankToNull(form.getValue("stage"));
        boolean start = "start".equals(form.getValue("action"));
        ActionRuns.Run run = runs.redrive(actions, new OperatorActions.RedriveRequest(all ? List.of() : ids, stage,
                !start));
        return Reply.redirect("/runs/" + run.id());
    }

    private Reply replay(Request request, Fields form) {
        String from = blankToNull(form.getValue("from"));
        String to = blankToNull(form.getValue("to"));
        List<String> ids = new ArrayList<>();
        for (String part : String.valueOf(form.getValue("ids") == null ? "" : form.getValue("ids")).split("[,\\s]+")) {
            if (!part.isBlank()) {
                ids.add(part.strip());
            }
        }
        if (from == null && ids.isEmpty()) {
            return Reply.html(400, page(request, "Replay", Layout.notice("error",
                    "Give a time window (From) or article ids.") + ReplayPages.form(actions.timeFormats(), "",
                            to == null ? "" : to, "")));
        }
        boolean start = "start".equals(form.getValue("action"));
        ActionRuns.Run run = runs.replay(actions, new OperatorActions.ReplayRequest(from, to, ids, !start));
        return Reply.redirect("/runs/" + run.id());
    }

    private Reply deadLetter(Request request, String rest) {
        String[] parts = rest.split("/");
        if (parts.length != 3) {
            throw new BadRequest("A dead letter is addressed as /dead-letters/TOPIC/PARTITION/OFFSET");
        }
        String topic = decode(parts[0]);
        Integer partition = intParam(parts[1], "partition");
        Integer offset = intParam(parts[2], "offset");
        String position = topic + "-" + partition + "@" + offset;
        return Reply.html(200, page(request, "Dead letter " + position,
                DeadLetterPages.letter(position, reader.fetcher().at(topic, partition, offset))));
    }

    private Reply staticFile(String name) {
        if (!STATIC.contains(name)) {
            return Reply.html(404, "<!DOCTYPE html><title>Not found</title><p>Not found</p>");
        }
        try (InputStream in = ConsoleServer.class.getResourceAsStream("static/" + name)) {
            if (in == null) {
                throw new IllegalStateException("static/" + name + " is missing from the console jar");
            }
            String type = name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
            return new Reply(200, type, in.readAllBytes(), null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String page(Request request, String title, String body) {
        String banner = auth.open() ? Layout.notice("warn", "No token is set: anyone who can reach this port can "
                + "use the console and re-drive or replay. Set NEWSPIPE_API_TOKEN (or --api-token).") : "";
        return Layout.page(request.getHttpURI().getPath(), title, !auth.open(), banner + body);
    }

    /** HttpOnly, SameSite=Strict (another site's form never carries it), Secure behind TLS; maxAge -1: the session. */
    private static HttpCookie sessionCookie(Request request, String value, long maxAge) {
        return HttpCookie.build(ConsoleAuth.COOKIE, value).path("/").httpOnly(true)
                .sameSite(HttpCookie.SameSite.STRICT).secure(request.isSecure()).maxAge(maxAge).build();
    }

    /** The Origin of a POST, when the browser sends one, must be this server. */
    private static boolean sameOrigin(Request request) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null || origin.isBlank()) {
            return true; // scripts (curl) send none; browsers always do on POST
        }
        try {
            URI o = URI.create(origin);
            String host = request.getHeaders().get(HttpHeader.HOST);
            return host != null && (o.getHost() + (o.getPort() > 0 ? ":" + o.getPort() : "")).equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean wantsHtml(Request request) {
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        return accept != null && accept.contains("text/html");
    }

    private static String cookie(Request request) {
        for (HttpCookie c : Request.getCookies(request)) {
            if (c.getName().equals(ConsoleAuth.COOKIE)) {
                return c.getValue();
            }
        }
        return null;
    }

    private static String pathAndQuery(Request request) {
        String q = request.getHttpURI().getQuery();
        return request.getHttpURI().getPath() + (q == null ? "" : "?" + q);
    }

    /** Only a local path: a login link must not send people to another site. */
    static String safeNext(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\")
                ? next : "/pipeline";
    }

    private static Fields query(Request request) {
        return Request.extractQueryParameters(request, StandardCharsets.UTF_8);
    }

    private static Fields form(Request request) {
        try {
            return Request.getParameters(request);
        } catch (Exception e) {
            throw new BadRequest("The form could not be read: " + e.getMessage());
        }
    }

    private static Integer intParam(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a whole number, got '" + value + "'");
        }
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A request the console cannot act on, with the reason for the page. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
