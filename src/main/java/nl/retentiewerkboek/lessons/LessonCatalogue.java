package nl.retentiewerkboek.lessons;

import jakarta.annotation.security.PermitAll;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.settings.AppSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * All lessons in every language, read once at start-up. The folder is {@code app.content-dir}
 * (default: {@code ./content} when it exists, else the lessons packed into the application).
 * Any broken lesson stops start-up with a message that names the file.
 */
/** The lessons are the same for everyone, also on pages before signing in. */
@Service
@PermitAll
public class LessonCatalogue {

    public static final List<String> LANGUAGES = List.of("nl", "en");
    private static final Logger log = LoggerFactory.getLogger(LessonCatalogue.class);

    private final Map<String, List<Lesson>> byLanguage;

    @Autowired
    public LessonCatalogue(AppSettings settings) {
        this(loadAll(settings.contentDir()));
    }

    LessonCatalogue(Map<String, List<Lesson>> byLanguage) {
        this.byLanguage = Map.copyOf(byLanguage);
    }

    /** Reads and checks every lesson below a folder laid out as {@code <dir>/nl/*.md} and {@code <dir>/en/*.md}. */
    public static LessonCatalogue fromDirectory(Path dir) {
        return new LessonCatalogue(loadFromDirectory(dir));
    }

    private static Map<String, List<Lesson>> loadAll(String contentDir) {
        if (contentDir != null && !contentDir.isBlank()) {
            Path dir = Path.of(contentDir);
            if (!Files.isDirectory(dir)) {
                throw new LessonContentException("app.content-dir '" + contentDir + "' is not a folder");
            }
            return loadFromDirectory(dir);
        }
        Path local = Path.of("content");
        if (Files.isDirectory(local.resolve("nl"))) {
            return loadFromDirectory(local);
        }
        return loadFromClasspath();
    }

    private static Map<String, List<Lesson>> loadFromDirectory(Path dir) {
        LessonLoader loader = new LessonLoader(new MarkdownRenderer());
        Map<String, List<Lesson>> result = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            Path folder = dir.resolve(language);
            List<Lesson> lessons = new ArrayList<>();
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".md"))
                            .sorted()
                            .toList()) {
                        lessons.add(loader.load(language + "/" + file.getFileName(), Files.readAllBytes(file)));
                    }
                } catch (IOException e) {
                    throw new LessonContentException("cannot read lessons in " + folder + ": " + e.getMessage(), e);
                }
            }
            result.put(language, lessons);
        }
        log.info("Read lessons from {}", dir.toAbsolutePath());
        return check(result);
    }

    private static Map<String, List<Lesson>> loadFromClasspath() {
        LessonLoader loader = new LessonLoader(new MarkdownRenderer());
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Map<String, List<Lesson>> result = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            List<Lesson> lessons = new ArrayList<>();
            try {
                Resource[] resources = resolver.getResources("classpath*:/content/" + language + "/*.md");
                List<Resource> sorted = Stream.of(resources)
                        .sorted(Comparator.comparing(
                                r -> Optional.ofNullable(r.getFilename()).orElse("")))
                        .toList();
                for (Resource resource : sorted) {
                    lessons.add(loader.load(
                            language + "/" + resource.getFilename(), LessonLoader.read(resource.getInputStream())));
                }
            } catch (IOException e) {
                throw new LessonContentException("cannot read the packed lessons: " + e.getMessage(), e);
            }
            result.put(language, lessons);
        }
        log.info("Read lessons packed in the application");
        return check(result);
    }

    /** Checks the whole set: no duplicates, the same lessons in every language, at least one module. */
    static Map<String, List<Lesson>> check(Map<String, List<Lesson>> byLanguage) {
        Map<String, List<Lesson>> sorted = new HashMap<>();
        Set<String> reference = null;
        String referenceLanguage = null;
        for (Map.Entry<String, List<Lesson>> entry : byLanguage.entrySet()) {
            String language = entry.getKey();
            Map<String, Lesson> ids = new HashMap<>();
            Map<Integer, Lesson> orders = new HashMap<>();
            for (Lesson lesson : entry.getValue()) {
                Lesson other = ids.put(lesson.id(), lesson);
                if (other != null) {
                    throw new LessonContentException(
                            lesson.source() + ": id '" + lesson.id() + "' is also used by " + other.source());
                }
                other = orders.put(lesson.order(), lesson);
                if (other != null) {
                    throw new LessonContentException(
                            lesson.source() + ": order " + lesson.order() + " is also used by " + other.source());
                }
            }
            if (entry.getValue().stream().noneMatch(Lesson::isModule)) {
                throw new LessonContentException("content/" + language + ": there is no lesson with a worksheet");
            }
            Set<String> signature = entry.getValue().stream()
                    .map(l -> l.id() + "@" + l.order() + ":"
                            + l.worksheet().map(w -> w.id()).orElse(""))
                    .collect(Collectors.toCollection(HashSet::new));
            if (reference == null) {
                reference = signature;
                referenceLanguage = language;
            } else if (!reference.equals(signature)) {
                Set<String> missing = new HashSet<>(reference);
                missing.removeAll(signature);
                Set<String> extra = new HashSet<>(signature);
                extra.removeAll(reference);
                throw new LessonContentException(
                        "content/" + language + " does not have the same lessons (id@order:worksheet) as content/"
                                + referenceLanguage + ": missing " + missing + ", extra " + extra);
            }
            sorted.put(
                    language,
                    entry.getValue().stream()
                            .sorted(Comparator.comparingInt(Lesson::order))
                            .toList());
        }
        return sorted;
    }

    private List<Lesson> lessons(Locale locale) {
        return byLanguage.getOrDefault("en".equals(locale.getLanguage()) ? "en" : "nl", List.of());
    }

    /** Every lesson in order, the opening page first. */
    public List<Lesson> all(Locale locale) {
        return lessons(locale);
    }

    /** The modules in order (lessons with a worksheet). */
    public List<Lesson> modules(Locale locale) {
        return lessons(locale).stream().filter(Lesson::isModule).toList();
    }

    /** The opening page, if there is one (a lesson without a worksheet, lowest order). */
    public Optional<Lesson> intro(Locale locale) {
        return lessons(locale).stream().filter(l -> !l.isModule()).findFirst();
    }

    public Optional<Lesson> find(String id, Locale locale) {
        return lessons(locale).stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** The module whose worksheet this is. */
    public Optional<Lesson> lessonOf(Worksheet worksheet, Locale locale) {
        return modules(locale).stream()
                .filter(l -> l.worksheet().orElseThrow() == worksheet)
                .findFirst();
    }
}
