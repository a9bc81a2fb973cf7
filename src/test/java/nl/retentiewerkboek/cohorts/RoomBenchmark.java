package nl.retentiewerkboek.cohorts;

import com.sun.management.OperatingSystemMXBean;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nl.retentiewerkboek.Application;
import nl.retentiewerkboek.LocalHaproxy;
import nl.retentiewerkboek.LocalPostgres;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.AccountService;
import nl.retentiewerkboek.security.Role;
import nl.retentiewerkboek.security.SystemAuthentication;
import nl.retentiewerkboek.workbook.WorkbookService;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A room of participants who each save a W1 field every 10 s on average, while two trainer dashboards and one room
 * screen listen (as the open screens do: told by the broadcaster, then reading the cohort or the room), on the H2 file
 * database of the embedded setup. Run at 50, 200 and 500 participants, twice: once with the saves calling the service
 * directly (the server's side of a save), and once over real HTTP, each participant a Vaadin UI of its own that signed
 * in through the login form and types into W1 as Vaadin's client does ({@link UidlClient}: the round trip includes
 * HTTP, Spring Security, Vaadin's request handling, the save and the screen's answer). Prints save round trips, how
 * stale the screens are (from the start of a save to a screen having read it), CPU, queries per save and per dashboard
 * refresh. Asserts nothing about speed ({@code mvn -Pbench verify}).
 */
@Tag("benchmark")
class RoomBenchmark {

    private static final Locale NL = Locale.of("nl");

    @Test
    void a_room_saving_every_ten_seconds_with_two_dashboards_and_a_room_screen_open() throws Exception {
        Path folder = Files.createTempDirectory(Path.of("target"), "bench-room");
        ConfigurableApplicationContext spring = SpringApplication.run(
                Application.class,
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:"
                        + folder.resolve("data/rwb").toAbsolutePath()
                        + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
                "--app.demo-data=false",
                "--logging.level.root=warn");
        StringBuilder report = new StringBuilder("=== Room benchmark (H2 file database) ===\n");
        try {
            if (Boolean.getBoolean("bench.room.quick")) { // a try-out of the set-up: -Dbench.room.quick=true
                run(spring, 20, 15, report, false, true, null, null);
                return;
            }
            report.append("-- saves calling the service (the server's side of a save) --\n");
            run(spring, 50, 45, report, true, false, null, null); // the first run also warms the JVM up
            run(spring, 200, 120, report, false, false, null, null);
            run(spring, 500, 60, report, false, false, null, null);
            report.append("-- saves over real HTTP: each participant a Vaadin UI of its own, typing into W1 --\n");
            run(spring, 50, 45, report, false, true, null, null);
            run(spring, 200, 120, report, false, true, null, null);
            run(spring, 500, 60, report, false, true, null, null);
        } finally {
            spring.close();
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-room.txt"), report.toString());
    }

    /**
     * The same room over HTTP on two servers behind HAProxy ({@code docs/haproxy.cfg}) on one real PostgreSQL: server A
     * runs in this JVM (its screens are the ones listening), server B in a JVM of its own with the same class path; the
     * participants' sessions are spread over both by HAProxy, so half of the saves reach A's screens through PostgreSQL's
     * NOTIFY. Needs Debian's postgresql and haproxy packages. {@code -Dtest=RoomBenchmark#two_servers*}
     */
    @Test
    void two_servers_behind_haproxy_on_postgresql() throws Exception {
        StringBuilder report = new StringBuilder(
                "=== Room benchmark: 2 servers behind HAProxy, PostgreSQL (Debian's, fsync on) ===\n");
        Path work = Files.createTempDirectory(Path.of("target"), "bench-two-servers");
        List<Process> processes = new ArrayList<>();
        try (LocalPostgres postgres = LocalPostgres.start()) {
            List<String> database = List.of(
                    "--spring.datasource.url=" + postgres.url(),
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=",
                    "--app.demo-data=false",
                    "--logging.level.root=warn");
            List<String> argsA = new ArrayList<>(List.of("--server.port=0"));
            argsA.addAll(database);
            ConfigurableApplicationContext a = SpringApplication.run(Application.class, argsA.toArray(String[]::new));
            try {
                int portA = Integer.parseInt(a.getEnvironment().getProperty("local.server.port"));
                int portB = LocalHaproxy.freePort();
                List<String> commandB = new ArrayList<>(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx1g",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Application.class.getName(),
                        "--server.port=" + portB));
                commandB.addAll(database);
                Process b = new ProcessBuilder(commandB)
                        .redirectErrorStream(true)
                        .redirectOutput(work.resolve("server-b.log").toFile())
                        .start();
                processes.add(b);
                awaitStatus("http://localhost:" + portB + "/actuator/health/readiness", b);
                LocalHaproxy haproxy = LocalHaproxy.start(work, portA, portB);
                String base = haproxy.url();
                awaitStatus(base + "/actuator/health/readiness", b);
                try {
                    run(a, 50, 45, report, true, true, base, b);
                    run(a, 200, 120, report, false, true, base, b);
                } finally {
                    haproxy.close();
                }
            } finally {
                a.close();
            }
        } finally {
            for (Process p : processes) {
                p.destroy();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-room-two-servers.txt"), report.toString());
    }

    private static void awaitStatus(String url, Process process) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.info().command().orElse("a process") + " ended");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(url + " did not answer within 120 s");
    }

    private static SecurityContext as(String username, Role role) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, AuthorityUtils.createAuthorityList("ROLE_" + role.name())));
        return context;
    }

    /**
     * @param proxy where the participants' browsers go (HAProxy in front of two servers), or null for the server itself
     * @param other the second server's process, whose CPU counts too, or null
     */
    private static void run(
            ConfigurableApplicationContext spring,
            int participants,
            int seconds,
            StringBuilder report,
            boolean warmUp,
            boolean overHttp,
            String proxy,
            Process other)
            throws Exception {
        AccountService accounts = spring.getBean(AccountService.class);
        CohortService cohorts = spring.getBean(CohortService.class);
        WorkbookService workbook = spring.getBean(WorkbookService.class);
        DashboardBroadcaster broadcaster = spring.getBean(DashboardBroadcaster.class);
        Statistics stats = spring.getBean(EntityManagerFactory.class)
                .unwrap(SessionFactory.class)
                .getStatistics();
        stats.setStatisticsEnabled(true);

        String run = Long.toString(System.nanoTime());
        String trainerName = "trainer-" + run + "@example.org";
        List<String> names = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        long[] cohort = new long[1];
        SystemAuthentication.runAsSystem(() -> {
            long trainer = accounts.createAccount(trainerName, "een-lang-wachtwoord", "Trainer", "Bench", Role.TRAINER)
                    .id();
            cohort[0] = cohorts.createCohort(trainer, "Zaal " + participants, null, null);
            for (int i = 0; i < participants; i++) {
                String name = "p" + i + "-" + run + "@example.org";
                long id = accounts.createAccount(
                                name, "een-lang-wachtwoord", "Deelnemer " + i, "Bedrijf " + i, Role.DEELNEMER)
                        .id();
                cohorts.enroll(cohort[0], id);
                names.add(name);
                ids.add(id);
            }
        });
        // everyone has a W1 to start from
        List<Map<String, String>> shown = new ArrayList<>();
        for (int i = 0; i < participants; i++) {
            SecurityContextHolder.setContext(as(names.get(i), Role.DEELNEMER));
            Map<String, String> mine = Map.of("start", "200", "new", "30", "end", Integer.toString(150 + i % 50));
            shown.add(new HashMap<>(workbook.saveMyChanges(Worksheet.RETENTIEMETER, Map.of(), mine, NL)
                    .saved()
                    .values()));
        }
        SecurityContextHolder.clearContext();

        // over HTTP: every participant signs in and opens W1 in a Vaadin UI of their own, before the clock starts
        ExecutorService httpThreads = Executors.newFixedThreadPool(4, named("bench-http"));
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(httpThreads)
                .build();
        List<UidlClient> tabs = new ArrayList<>();
        int[] lastTyped = new int[participants];
        if (overHttp) {
            String base = proxy != null
                    ? proxy
                    : "http://localhost:" + spring.getEnvironment().getProperty("local.server.port");
            for (int i = 0; i < participants; i++) {
                lastTyped[i] = 150 + i % 50; // what W1 holds to start from
                UidlClient tab = new UidlClient(http, base);
                tab.logIn(names.get(i), "een-lang-wachtwoord");
                tab.open("werkblad/retentiemeter");
                tabs.add(tab);
            }
        }

        SecurityContext trainer = as(trainerName, Role.TRAINER);
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < participants; i++) {
            index.put(ids.get(i), i);
        }
        // per screen, the commit moments of saves it has not shown yet
        int screens = 3;
        List<Map<Long, Queue<Long>>> unseen = new ArrayList<>();
        List<List<Double>> staleness = new ArrayList<>();
        List<Runnable> stops = new ArrayList<>();
        AtomicLong refreshes = new AtomicLong();
        for (int s = 0; s < screens; s++) {
            Map<Long, Queue<Long>> mine = new ConcurrentHashMap<>();
            List<Double> seen = Collections.synchronizedList(new ArrayList<>());
            unseen.add(mine);
            staleness.add(seen);
            boolean room = s == 2;
            stops.add(broadcaster.register((changed, changedCohorts) -> {
                if (changed.stream().noneMatch(index::containsKey) && !changedCohorts.contains(cohort[0])) {
                    return;
                }
                long told = System.nanoTime();
                SecurityContextHolder.setContext(trainer);
                try {
                    if (room) {
                        cohorts.room(cohort[0]);
                    } else {
                        cohorts.cohort(cohort[0], NL);
                    }
                } finally {
                    SecurityContextHolder.clearContext();
                }
                refreshes.incrementAndGet();
                long shownAt = System.nanoTime();
                for (long id : changed) {
                    Queue<Long> pending = mine.get(id);
                    if (pending == null) {
                        continue;
                    }
                    for (Long committed = pending.peek();
                            committed != null && committed <= told;
                            committed = pending.peek()) {
                        pending.poll();
                        seen.add((shownAt - committed) / 1e6);
                    }
                }
            }));
        }

        // saves: each participant every 10 s on average, spread over the room
        List<Double> saveMillis = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failed = new AtomicLong();
        ScheduledExecutorService savers = Executors.newScheduledThreadPool(16, named("bench-saver"));
        Random random = new Random(participants);
        long cpuBefore = cpuNanos() + cpuNanos(other);
        long clientCpuBefore = loadGeneratorCpuNanos();
        long statementsBefore = stats.getPrepareStatementCount();
        long started = System.nanoTime();
        int total = participants * seconds / 10;
        for (int k = 0; k < total; k++) {
            int who = random.nextInt(participants);
            long at = (long) (random.nextDouble() * seconds * 1000);
            int value = 100 + random.nextInt(100);
            savers.schedule(
                    () -> {
                        if (overHttp) {
                            UidlClient tab = tabs.get(who);
                            try {
                                String answer;
                                String typed;
                                long t;
                                long done;
                                synchronized (tab) { // one tab sends one request at a time, as Vaadin's client does
                                    // a value the field already has changes nothing, so nothing is saved
                                    typed = Integer.toString(value == lastTyped[who] ? value + 1 : value);
                                    lastTyped[who] = Integer.parseInt(typed);
                                    t = System.nanoTime();
                                    answer = tab.type("retentiemeter-end", typed);
                                    done = System.nanoTime();
                                }
                                if (!answer.contains("\"end\":\"" + typed + "\"")) {
                                    throw new IllegalStateException("not acknowledged: " + answer);
                                }
                                saveMillis.add((done - t) / 1e6);
                                for (Map<Long, Queue<Long>> screen : unseen) {
                                    screen.computeIfAbsent(ids.get(who), x -> new ConcurrentLinkedQueue<>())
                                            .add(t);
                                }
                            } catch (Exception e) {
                                if (failed.incrementAndGet() == 1) {
                                    System.out.println("first failed save over HTTP: " + e);
                                }
                            }
                            return;
                        }
                        SecurityContextHolder.setContext(as(names.get(who), Role.DEELNEMER));
                        try {
                            Map<String, String> base;
                            synchronized (shown.get(who)) {
                                base = new HashMap<>(shown.get(who));
                            }
                            Map<String, String> mine = new HashMap<>(base);
                            mine.put("end", Integer.toString(value));
                            long t = System.nanoTime();
                            var saved = workbook.saveMyChanges(Worksheet.RETENTIEMETER, base, mine, NL);
                            long done = System.nanoTime();
                            saveMillis.add((done - t) / 1e6);
                            for (Map<Long, Queue<Long>> screen : unseen) {
                                screen.computeIfAbsent(ids.get(who), x -> new ConcurrentLinkedQueue<>())
                                        .add(t); // committed between t and done; from t is the stricter measure
                            }
                            synchronized (shown.get(who)) {
                                shown.get(who).clear();
                                shown.get(who).putAll(saved.saved().values());
                            }
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                        } finally {
                            SecurityContextHolder.clearContext();
                        }
                    },
                    at,
                    TimeUnit.MILLISECONDS);
        }
        savers.shutdown();
        savers.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        long wall = System.nanoTime() - started;
        Thread.sleep(2500); // the last changes reach the screens
        // over HTTP the load generator runs in this process too: its threads' CPU is not the server's (calling the
        // service, the savers' threads do the server's work)
        long cpu =
                cpuNanos() + cpuNanos(other) - cpuBefore - (overHttp ? loadGeneratorCpuNanos() - clientCpuBefore : 0);
        http.close();
        httpThreads.shutdown();
        long statements = stats.getPrepareStatementCount() - statementsBefore;
        stops.forEach(Runnable::run);

        // one dashboard refresh after one save, counted alone
        SecurityContextHolder.setContext(as(names.getFirst(), Role.DEELNEMER));
        workbook.saveMyChanges(
                Worksheet.RETENTIEMETER, shown.getFirst(), Map.of("start", "200", "new", "30", "end", "171"), NL);
        Thread.sleep(1500);
        SecurityContextHolder.setContext(trainer);
        stats.clear();
        cohorts.cohort(cohort[0], NL);
        long perRefresh = stats.getPrepareStatementCount();
        SecurityContextHolder.clearContext();

        int reportedFrom = report.length();
        if (warmUp) {
            report.append(String.format(Locale.ROOT, "(%d participants, warm-up)%n", participants));
        }
        String via = overHttp
                ? (other != null ? "HTTP through HAProxy to 2 servers, Vaadin UI" : "HTTP, Vaadin UI")
                : "service";
        List<Double> allStale = new ArrayList<>();
        staleness.forEach(allStale::addAll);
        report.append(String.format(
                Locale.ROOT,
                "%d participants, %d s, %d saves (%.1f/s), %d failed%n"
                        + "  save round trip (%s): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n"
                        + "  staleness (save to shown on 2 dashboards + 1 room screen): p50 %.0f ms, p95 %.0f ms, %d screen refreshes%n"
                        + "  CPU of the server" + (other != null ? "s (both)" : "") + ": %.0f %% of 2 cores;"
                        + " statements per save (all work, refreshes included"
                        + (other != null ? ", server A's only" : "")
                        + "): %.1f;"
                        + " statements of one dashboard refresh after one save: %d%n",
                participants,
                seconds,
                saveMillis.size(),
                saveMillis.size() / (wall / 1e9),
                failed.get(),
                via,
                percentile(saveMillis, 50),
                percentile(saveMillis, 95),
                percentile(saveMillis, 99),
                percentile(allStale, 50),
                percentile(allStale, 95),
                refreshes.get(),
                100.0 * cpu / wall / Runtime.getRuntime().availableProcessors(),
                (double) statements / Math.max(1, saveMillis.size()),
                perRefresh));
        System.out.print(report.substring(reportedFrom)); // each size as soon as it is measured
    }

    /** Threads of the load generator (the savers and the HTTP client), whose CPU is not the server's. */
    private static ThreadFactory named(String prefix) {
        AtomicLong count = new AtomicLong();
        return r -> {
            Thread thread = new Thread(r, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static long loadGeneratorCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
            String name = info.getThreadName();
            if (name.startsWith("bench-") || name.startsWith("HttpClient-")) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    /** A process's CPU time from /proc (user + system, in clock ticks of 10 ms); 0 for none. */
    private static long cpuNanos(Process process) throws IOException {
        if (process == null) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
    }

    private static long cpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p / 100.0) - 1));
    }
}
