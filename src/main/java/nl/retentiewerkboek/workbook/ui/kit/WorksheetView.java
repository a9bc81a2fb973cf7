package nl.retentiewerkboek.workbook.ui.kit;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import nl.retentiewerkboek.base.ProgressChangedEvent;
import nl.retentiewerkboek.charts.Chart;
import nl.retentiewerkboek.charts.ChartText;
import nl.retentiewerkboek.lessons.Lesson;
import nl.retentiewerkboek.lessons.LessonCatalogue;
import nl.retentiewerkboek.metrics.Evaluation;
import nl.retentiewerkboek.metrics.Problem;
import nl.retentiewerkboek.metrics.Workbook;
import nl.retentiewerkboek.metrics.Worksheet;
import nl.retentiewerkboek.security.OnBehalf;
import nl.retentiewerkboek.workbook.AnswerMerge;
import nl.retentiewerkboek.workbook.ModuleProgress;
import nl.retentiewerkboek.workbook.SaveFailedException;
import nl.retentiewerkboek.workbook.SaveOutcome;
import nl.retentiewerkboek.workbook.SavedAnswers;
import nl.retentiewerkboek.workbook.WorkbookService;
import nl.retentiewerkboek.workbook.ui.LessonView;
import nl.retentiewerkboek.workbook.ui.WorkbookView;
import nl.retentiewerkboek.workbook.ui.WorksheetRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every worksheet screen shares: the form on one side and live results on the other,
 * autosave after each change with a visible saved / not saved state, and a clear choice when the
 * same worksheet was saved in another tab (nothing is overwritten unseen, nothing typed is lost).
 * Subclasses add their fields and show their result; formulas stay in the metrics domain.
 */
public abstract class WorksheetView extends Main implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(WorksheetView.class);

    /** Whether what is on screen is stored. */
    public enum SaveState {
        SAVED,
        UNSAVED,
        FAILED,
        CONFLICT,
        PARTLY,
        REFUSED
    }

    /** Retries of failed saves run here and then on the screen's own UI (push). */
    private static final ScheduledExecutorService RETRIES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "worksheet-save-retry");
        thread.setDaemon(true);
        return thread;
    });

    private static final String SAVE_GUARD = readGuard();
    /** The most a page may offer back: every field of a worksheet at its longest. */
    private static final int MAX_KEPT_CHARS = WorkbookService.MAX_FIELDS * (WorkbookService.MAX_VALUE_LENGTH + 52);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    protected final WorkbookService workbook;
    protected final Worksheet worksheet;
    private final LessonCatalogue catalogue;
    private final Map<String, TextFieldBase<?, String>> textFields = new LinkedHashMap<>();
    private final Span saveStatus = new Span();
    private final Span savePending = new Span();
    private final Div conflictBanner = new Div();
    private final Div keptBanner = new Div();
    /** Tells a screen reader the new result after a save, once typing pauses: never per keystroke. */
    private final Div announcer = new Div();
    /** Every result value on the page, in order, with its label where it has one: what the announcer reads. */
    private final Map<Span, Span> resultValues = new LinkedHashMap<>();
    /** The result summary the page last announced (or showed when it opened): only a change is announced. */
    private String announced = "";
    /** What is stored, as this screen last loaded or saved it (in this screen's language): the base of every merge. */
    private Map<String, String> base = Map.of();

    private List<AnswerMerge.FieldConflict> conflicts = List.of();
    /** What the screen showed after the last load, save or change: a change is a difference from this. */
    private Map<String, String> lastScreen = Map.of();
    /** The fields the user changed that are not stored yet (or are in conflict). */
    private final Set<String> touched = new LinkedHashSet<>();

    private int failedAttempts;
    private ScheduledFuture<?> retry;
    /** The participant's sign-in as the screen was opened, for work that runs on other threads (refresh, retry). */
    private SecurityContext signedIn = SecurityContextHolder.createEmptyContext();

    private Runnable stopListening = () -> {};
    private final Div form = new Div();
    private final Section results = new Section();
    private long version = SavedAnswers.NEVER_SAVED;
    private boolean loading;
    private SaveState state = SaveState.SAVED;
    /** Whether the stored answers make the worksheet complete: when that changes, the progress bar follows. */
    private boolean savedComplete;
    /** The participant's other worksheets, for worksheets that build on them (W2, W3, W9). */
    private Workbook context = new Workbook(Map.of());

    protected WorksheetView(Worksheet worksheet, WorkbookService workbook, LessonCatalogue catalogue) {
        this.worksheet = worksheet;
        this.workbook = workbook;
        this.catalogue = catalogue;
        addClassName("worksheet-view");
        setId(worksheet.id());
    }

    /** Builds the page once the locale is known. */
    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (getComponentCount() > 0) {
            if (form.getParent().isPresent()) {
                guard(attachEvent.getUI()); // attached again: listen again
            }
            return;
        }
        String id = worksheet.id();
        Optional<String> module = catalogue.lessonOf(worksheet, getLocale()).map(Lesson::id);
        if (module.isPresent() && !workbook.isMyModuleOpen(module.get())) {
            Paragraph closed = new Paragraph(getTranslation("module.closed"));
            closed.setId("module-closed");
            add(
                    new H1(getTranslation(id + ".title")),
                    closed,
                    new RouterLink(getTranslation("lesson.back"), WorkbookView.class));
            return;
        }
        Div header = new Div();
        header.addClassName("worksheet-header");
        Span kicker = new Span(getTranslation("nav.worksheet"));
        kicker.addClassName("kicker");
        H1 title = new H1(getTranslation(id + ".title"));
        Paragraph intro = new Paragraph(getTranslation(id + ".intro"));
        Div meta = new Div();
        meta.addClassName("worksheet-meta");
        catalogue
                .lessonOf(worksheet, getLocale())
                .ifPresent(lesson -> meta.add(new RouterLink(
                        getTranslation("worksheet.back-to-lesson"),
                        LessonView.class,
                        new RouteParameters("lessonId", lesson.id()))));
        boolean demo = workbook.isMyWorkbookDemo();
        Span privacy = new Span(getTranslation(demo ? "demo.privacy" : "worksheet.privacy"));
        privacy.addClassName("privacy");
        saveStatus.setId(id + "-save-status");
        saveStatus.addClassName("save-status");
        saveStatus.getElement().setAttribute("role", "status");
        saveStatus.getElement().setAttribute("aria-live", "polite");
        savePending.addClassName("save-pending");
        savePending.setId(id + "-save-pending");
        savePending.getElement().setAttribute("role", "status");
        savePending.getElement().setAttribute("aria-live", "polite");
        meta.add(privacy, saveStatus, savePending);
        header.add(kicker, title, intro, meta);

        conflictBanner.addClassName("conflict-banner");
        conflictBanner.setId(id + "-conflict");
        conflictBanner.getElement().setAttribute("role", "alert");
        conflictBanner.setVisible(false);
        keptBanner.addClassName("conflict-banner");
        keptBanner.setId(id + "-kept");
        keptBanner.getElement().setAttribute("role", "alert");
        keptBanner.setVisible(false);

        form.addClassName("worksheet-form");
        results.addClassName("worksheet-results");
        results.getElement().setAttribute("aria-labelledby", id + "-results-title");
        H2 resultsTitle = new H2(getTranslation(resultsTitleKey()));
        resultsTitle.setId(id + "-results-title");
        results.add(resultsTitle);

        Div columns = new Div(form, results);
        columns.addClassName("worksheet-columns");
        if (demo) {
            add(new DemoBanner(workbook));
        }
        announcer.setId(id + "-announce");
        announcer.addClassName("sr-only");
        announcer.getElement().setAttribute("role", "status");
        announcer.getElement().setAttribute("aria-live", "polite");
        announcer.getElement().setAttribute("aria-atomic", "true");
        add(header, conflictBanner, keptBanner, columns, announcer, nextStep(module));

        context = workbook.myWorkbook();
        buildForm(form);
        buildResults(results);
        load(workbook.myAnswers(worksheet, getLocale()));
        guard(attachEvent.getUI());
    }

    /**
     * The way on at the end of the worksheet: the next open module's lesson; after the last one the action plan; after
     * the action plan back to the workbook.
     */
    private Div nextStep(Optional<String> module) {
        Div footer = new Div();
        footer.addClassName("worksheet-next");
        footer.setId(worksheet.id() + "-next");
        if (module.isEmpty()) {
            footer.add(new RouterLink(getTranslation("lesson.back"), WorkbookView.class));
            return footer;
        }
        List<ModuleProgress> open = workbook.myProgress(getLocale()).modules();
        int here = 0;
        while (here < open.size() && !open.get(here).lesson().id().equals(module.get())) {
            here++;
        }
        Optional<Lesson> next =
                here + 1 < open.size() ? Optional.of(open.get(here + 1).lesson()) : Optional.empty();
        Button go = new Button(
                next.map(l -> getTranslation("worksheet.next-module", l.title()))
                        .orElseGet(() -> getTranslation("worksheet.next-plan")),
                VaadinIcon.ARROW_RIGHT.create(),
                e -> getUI().ifPresent(ui ->
                        ui.navigate(next.map(l -> "les/" + l.id()).orElse(WorksheetRoutes.path(Worksheet.ACTIEPLAN)))));
        go.setIconAfterText(true);
        go.setId("worksheet-next");
        go.addThemeVariants(ButtonVariant.PRIMARY);
        footer.add(go, new RouterLink(getTranslation("lesson.back"), WorkbookView.class));
        return footer;
    }

    /** Keeps typed values in the tab until the server confirms them and offers back what it never confirmed. */
    private void guard(UI ui) {
        // per language: a kept "1.500" typed on a Dutch screen must never be offered to an English one
        String key = workbook.myDraftKey(worksheet) + ":" + getLocale().getLanguage();
        Map<String, String> texts =
                Map.of("pending", getTranslation("worksheet.pending"), "offline", getTranslation("worksheet.offline"));
        getElement().executeJs(SAVE_GUARD, key, JSON.valueToTree(texts));
        getElement().executeJs("return this.rwbKept()").then(String.class, this::offerKept);
        // the refresh runs on whichever thread finds the session free: it carries the participant's own sign-in,
        // not whatever (or nothing) the thread that heard of the save has
        signedIn = SecurityContextHolder.getContext();
        stopListening = workbook.onMySaves(worksheet, savedVersion -> {
            Runnable refresh = OnBehalf.of(signedIn, () -> {
                // a newer save elsewhere, or the whole workbook emptied (a coach's demo reset in another tab)
                if (savedVersion > version || savedVersion == SavedAnswers.NEVER_SAVED) {
                    refreshFromOtherScreen();
                }
            });
            ui.access(refresh::run);
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        super.onDetach(detachEvent);
        stopListening.run();
        if (retry != null) {
            retry.cancel(false);
        }
    }

    /** The heading above the results column. */
    protected String resultsTitleKey() {
        return "worksheet.results";
    }

    /** Adds the worksheet's inputs to the form. */
    protected abstract void buildForm(Div form);

    /** Adds the result components (empty until the first {@link #showResults}). */
    protected abstract void buildResults(Section results);

    /** Recomputes from the current inputs and shows the result or the problems. */
    protected abstract void showResults(Map<String, String> values);

    /** The current value of every input, as typed (field key → text); by default the text fields. */
    protected Map<String, String> currentValues() {
        return textValues();
    }

    /** Puts stored values into inputs that are not plain text fields (e.g. a choice); none by default. */
    protected void applyOtherValues(Map<String, String> values) {}

    /**
     * Shows either the result parts or a message why there is no result yet, and clears the values
     * of a previous result. Returns whether there is a result to show.
     */
    protected boolean showOutcome(
            Evaluation<?> evaluation,
            Paragraph message,
            String waitingKey,
            List<? extends Component> parts,
            List<Span> values) {
        boolean complete = evaluation.isComplete();
        parts.forEach(part -> part.setVisible(complete));
        message.setVisible(!complete);
        if (!complete) {
            message.setText(getTranslation(evaluation.hasErrors() ? "worksheet.fix-errors" : waitingKey));
            values.forEach(value -> value.setText(""));
        }
        return complete;
    }

    /** A number input with a stable id {@code <worksheet>-<field>}, recomputing and saving after each pause in typing. */
    protected TextField numberField(String field, boolean wholeNumber) {
        String id = worksheet.id();
        TextField text = new TextField(getTranslation(id + "." + field));
        text.setId(id + "-" + field);
        String help = id + "." + field + ".help";
        String helpText = getTranslation(help);
        if (!helpText.startsWith("!")) {
            text.setHelperText(helpText);
        }
        text.setManualValidation(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setValueChangeTimeout(350);
        text.setAllowedCharPattern("[0-9.,\\s€%\\-−]");
        text.getElement().setAttribute("inputmode", wholeNumber ? "numeric" : "decimal");
        text.getElement().setAttribute("autocomplete", "off");
        text.setMaxLength(WorkbookService.MAX_VALUE_LENGTH);
        text.addValueChangeListener(e -> changed());
        textFields.put(field, text);
        markField(text, field);
        return text;
    }

    /** Marks an input as the one that holds this field, so the page keeps what is typed until it is saved. */
    protected static void markField(Component input, String field) {
        input.getElement().setAttribute("data-field", field);
    }

    /** Reads the participant's other worksheets and uploads again (after an upload or a delete). */
    protected void reloadContext() {
        context = workbook.myWorkbook();
    }

    /** The participant's workbook with this worksheet's current input in it: evaluate from this. */
    protected Workbook withCurrent(Map<String, String> values) {
        return context.with(worksheet, values, getLocale());
    }

    /** A free-text input (owner, timing) with a stable id, saved like the numbers. */
    protected TextField textField(String field, String id, String label) {
        TextField text = new TextField(label);
        text.setMaxLength(WorkbookService.MAX_VALUE_LENGTH);
        return freeText(text, field, id);
    }

    /** A free text that may run long (a note): it wraps and grows, so all of it stays in view. Saved like the rest. */
    protected TextArea textArea(String field, String id, String label) {
        TextArea text = new TextArea(label);
        text.setMaxLength(WorkbookService.MAX_VALUE_LENGTH);
        return freeText(text, field, id);
    }

    private <T extends TextFieldBase<T, String>> T freeText(T text, String field, String id) {
        text.setId(id);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setValueChangeTimeout(500);
        text.addValueChangeListener(e -> changed());
        textFields.put(field, text);
        markField(text, field);
        return text;
    }

    /** Fills several fields at once (an upload, a pasted list) and saves once. */
    protected void fill(Map<String, String> values) {
        loading = true;
        try {
            values.forEach((field, value) -> {
                TextFieldBase<?, String> text = textFields.get(field);
                if (text != null) {
                    text.setValue(value);
                }
            });
        } finally {
            loading = false;
        }
        changed();
    }

    /** Puts a value into a registered text field without treating it as typed. */
    protected void textValue(String field, String value) {
        TextFieldBase<?, String> text = textFields.get(field);
        if (text != null) {
            text.setValue(value);
        }
    }

    /** Stops saving a field that was removed from the form (a deleted row). */
    protected void forgetField(String field) {
        textFields.remove(field);
    }

    /** True while stored answers are being put into the form (changes then are not saves). */
    protected boolean isLoading() {
        return loading;
    }

    /** A result value with the stable id {@code <worksheet>-<field>}. */
    protected Span resultValue(String field) {
        Span span = new Span();
        span.setId(worksheet.id() + "-" + field);
        span.addClassName("result-value");
        resultValues.put(span, null);
        return span;
    }

    /** Shows words instead of a number in a result value ("geen budget voor behoud"): smaller, and wrapping in its tile. */
    protected static void showsWords(Span value, boolean words) {
        value.getClassNames().set("result-words", words);
    }

    /** A labelled result tile; the label is {@code <worksheet>.<field>} from the bundles. */
    protected Div tile(String field, Span value) {
        Div tile = new Div();
        tile.addClassName("result-tile");
        Span label = new Span(getTranslation(worksheet.id() + "." + field));
        label.addClassName("result-label");
        label.setId(worksheet.id() + "-" + field + "-label");
        value.getElement().setAttribute("aria-labelledby", label.getId().orElseThrow());
        resultValues.put(value, label);
        tile.add(label, value);
        return tile;
    }

    /** The "Hoe berekend?" disclosure around the given lines. */
    protected Details howDetails(Div how) {
        how.setId(worksheet.id() + "-how");
        how.addClassName("how");
        Details details = new Details(getTranslation("worksheet.how"), how);
        details.setId(worksheet.id() + "-how-toggle");
        details.addClassName("how-details");
        return details;
    }

    /** How wide a chart is drawn for a phone: about the room a results column has at 390 px. */
    static final int PHONE_CHART_WIDTH = 320;

    /**
     * Shows a chart drawn on the server as SVG, with a text alternative for screen readers. It is
     * drawn twice: at the given width, and narrow for phones (the stylesheet shows one of the two),
     * so its labels stay legible when the page scales it to the room it has.
     */
    protected void showChart(Div holder, Chart chart, String description, int width, int height) {
        holder.removeAll();
        holder.addClassName("chart");
        holder.add(
                chartSvg(chart.toSvg(width, height), description, "chart-wide"),
                chartSvg(chart.toSvg(PHONE_CHART_WIDTH, height), description, "chart-narrow"));
    }

    private static Svg chartSvg(String markup, String description, String size) {
        Svg svg = new Svg(markup);
        svg.getElement().getClassList().add(size);
        svg.getElement().setAttribute("role", "img");
        svg.getElement().setAttribute("aria-label", description);
        return svg;
    }

    /** The translator and locale charts use. */
    protected ChartText chartText() {
        return new ChartText(this::getTranslation, getLocale());
    }

    /**
     * Where a worksheet builds on another: the numbers it takes from there, with a link back to
     * change them, or, when that worksheet is not filled in yet, a note saying so.
     */
    protected void showSource(
            Div holder,
            boolean complete,
            String summary,
            Class<? extends Component> view,
            String missingKey,
            String changeKey) {
        holder.removeAll();
        holder.addClassName("source-box");
        holder.setId(worksheet.id() + "-source");
        if (complete) {
            holder.removeClassName("missing");
            holder.add(new Span(summary));
            holder.add(new RouterLink(getTranslation(changeKey), view));
        } else {
            holder.addClassName("missing");
            holder.add(new Span(getTranslation(missingKey)));
            holder.add(new RouterLink(getTranslation("worksheet.source.fill"), view));
        }
    }

    /** Shows a problem on a field (or clears it). A missing value shows no error: the result simply waits. */
    protected void showProblem(String field, Problem problem) {
        TextFieldBase<?, String> text = textFields.get(field);
        if (text == null) {
            return;
        }
        boolean error = problem != null && problem.isError();
        text.setInvalid(error);
        text.setErrorMessage(error ? getTranslation(problem.messageKey()) : null);
    }

    protected Map<String, String> textValues() {
        Map<String, String> values = new LinkedHashMap<>();
        textFields.forEach((key, field) -> values.put(key, field.getValue()));
        return values;
    }

    /** Call after any input changed: recompute, then save. */
    protected final void changed() {
        if (loading) {
            return;
        }
        Map<String, String> values = currentValues();
        noteTouched(values);
        showResults(values);
        save();
    }

    /** The fields whose value differs from what the screen showed before: those the user changed. */
    private void noteTouched(Map<String, String> now) {
        Set<String> keys = new LinkedHashSet<>(now.keySet());
        keys.addAll(lastScreen.keySet());
        for (String key : keys) {
            if (!blankToEmpty(now.get(key)).equals(blankToEmpty(lastScreen.get(key)))) {
                touched.add(key);
            }
        }
        lastScreen = Map.copyOf(now);
    }

    /**
     * Saves what the user changed since the last save: the stored values with this screen's
     * changed fields on top. Fields shown but never touched (defaults, values from another screen)
     * are not sent as changes, so they never overwrite what another screen saved.
     */
    private void save() {
        Map<String, String> current = currentValues();
        Map<String, String> mine = new LinkedHashMap<>(base);
        for (String key : touched) {
            putOrRemove(mine, key, blankToEmpty(current.get(key)).isEmpty() ? null : current.get(key));
        }
        try {
            SaveOutcome outcome = workbook.saveMyChanges(worksheet, base, mine, getLocale());
            failedAttempts = 0;
            saved(outcome, mine);
        } catch (SaveFailedException e) {
            failed();
        } catch (AccessDeniedException | IllegalArgumentException e) {
            // can never succeed as it is (module closed meanwhile, input no screen sends): say so, do not retry
            log.info("Saving worksheet {} was refused: {}", worksheet.id(), e.getMessage());
            setState(SaveState.REFUSED);
        } catch (RuntimeException e) {
            log.warn("Saving worksheet {} failed", worksheet.id(), e);
            failed();
        }
    }

    /** Shows what is stored after a save: other screens' changes come in, this screen's own input stays. */
    private void saved(SaveOutcome outcome, Map<String, String> sent) {
        SavedAnswers stored = outcome.saved();
        Map<String, String> previousBase = base;
        Map<String, String> shown = new LinkedHashMap<>(stored.values());
        Map<String, String> nextBase = new LinkedHashMap<>(stored.values());
        Set<String> stillMine = new LinkedHashSet<>();
        for (var conflict : outcome.conflicts()) {
            putOrRemove(shown, conflict.field(), conflict.mine().isEmpty() ? null : conflict.mine());
            putOrRemove(nextBase, conflict.field(), previousBase.get(conflict.field())); // asked again until chosen
            stillMine.add(conflict.field());
        }
        for (String field : outcome.tooLong()) {
            putOrRemove(shown, field, sent.get(field));
            stillMine.add(field);
        }
        Map<String, String> current = currentValues();
        touched.forEach(key -> {
            if (!stillMine.contains(key)) {
                putOrRemove(shown, key, current.get(key)); // typed since this save was sent: stays on screen
            }
        });
        showStored(shown);
        base = Map.copyOf(nextBase);
        version = stored.version();
        touched.clear();
        touched.addAll(stillMine);
        acknowledge(stored.values());
        markTooLong(outcome.tooLong());
        conflicts = outcome.conflicts();
        if (outcome.hasConflicts()) {
            showConflict();
        } else {
            conflictBanner.setVisible(false);
            setState(outcome.tooLong().isEmpty() ? SaveState.SAVED : SaveState.PARTLY);
        }
        announceResult();
        boolean complete = worksheet.isComplete(context.with(worksheet, stored.values(), getLocale()));
        if (complete != savedComplete) {
            savedComplete = complete;
            getUI().ifPresent(ProgressChangedEvent::fire);
        }
        afterStored();
    }

    /** Called after a save stored this worksheet: a worksheet showing what is stored (W1's measurements) updates. */
    protected void afterStored() {}

    /** Puts values on the screen where they differ from what it shows, and remembers them as shown. */
    private void showStored(Map<String, String> shown) {
        Map<String, String> current = currentValues();
        Map<String, String> merged = new LinkedHashMap<>(current);
        // keep on screen what the screen itself adds (defaults) unless the stored values say otherwise
        Set<String> keys = new LinkedHashSet<>(shown.keySet());
        keys.addAll(base.keySet());
        keys.addAll(current.keySet());
        for (String key : keys) {
            if (shown.containsKey(key) || base.containsKey(key)) {
                putOrRemove(merged, key, shown.get(key));
            }
        }
        if (!AnswerMerge.sameFields(merged, current)) {
            apply(merged);
            showResults(currentValues());
        }
        lastScreen = Map.copyOf(currentValues());
    }

    private static void putOrRemove(Map<String, String> map, String key, String value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }

    /** Nothing was saved: keep what is typed, say so, and try again by itself (2 s, 4 s … at most every 30 s). */
    private void failed() {
        setState(SaveState.FAILED);
        failedAttempts++;
        if (retry != null) {
            retry.cancel(false);
        }
        long delay = Math.min(30, 1L << Math.min(failedAttempts, 5));
        // like the refresh, the retry may run on the timer's thread: it carries the participant's sign-in
        Runnable again = OnBehalf.of(signedIn, this::retrySave);
        getUI().ifPresent(ui -> retry = RETRIES.schedule(() -> ui.access(again::run), delay, TimeUnit.SECONDS));
    }

    /** Saves again what is on the screen, if the last save failed. */
    void retrySave() {
        if (state == SaveState.FAILED && isAttached()) {
            save();
        }
    }

    private void markTooLong(Set<String> fields) {
        fields.forEach(field -> {
            TextFieldBase<?, String> text = textFields.get(field);
            if (text != null) {
                text.setInvalid(true);
                text.setErrorMessage(getTranslation("worksheet.too-long", WorkbookService.MAX_VALUE_LENGTH));
            }
        });
    }

    /**
     * Another screen saved this worksheet: show its values where this screen has no changes of its
     * own. For the fields this screen changed (or is in conflict over) the base stays what it was,
     * so the next save still sees whether the other screen changed them too.
     */
    private void refreshFromOtherScreen() {
        SavedAnswers stored = workbook.myAnswers(worksheet, getLocale()).in(getLocale());
        Map<String, String> current = currentValues();
        Map<String, String> shown = new LinkedHashMap<>(stored.values());
        Map<String, String> nextBase = new LinkedHashMap<>(stored.values());
        touched.forEach(key -> {
            putOrRemove(shown, key, current.get(key));
            putOrRemove(nextBase, key, base.get(key));
        });
        showStored(shown);
        base = Map.copyOf(nextBase);
        version = stored.version();
        if (!touched.isEmpty()) {
            save();
        } else if (state == SaveState.SAVED || state == SaveState.UNSAVED) {
            setState(SaveState.SAVED);
            saveStatus.setText(getTranslation("worksheet.updated-elsewhere"));
        }
    }

    private static String blankToEmpty(String s) {
        return s == null || s.isBlank() ? "" : s;
    }

    /** Puts values on the screen without treating them as typed. */
    private void apply(Map<String, String> values) {
        loading = true;
        try {
            textFields.forEach((key, field) -> field.setValue(values.getOrDefault(key, "")));
            applyOtherValues(values);
        } finally {
            loading = false;
        }
    }

    /** Tells the page which values the server now holds, so it stops keeping them. */
    private void acknowledge(Map<String, String> stored) {
        getElement().executeJs("if (this.rwbAck) { this.rwbAck($0); }", JSON.valueToTree(stored));
    }

    private void showConflict() {
        setState(SaveState.CONFLICT);
        conflictBanner.removeAll();
        Paragraph text = new Paragraph(getTranslation("worksheet.conflict"));
        UnorderedList list = new UnorderedList();
        for (var c : conflicts) {
            list.add(new ListItem(getTranslation(
                    "worksheet.conflict.field",
                    describeField(c.field()),
                    c.mine().isEmpty() ? getTranslation("worksheet.conflict.empty") : c.mine(),
                    c.theirs().isEmpty() ? getTranslation("worksheet.conflict.empty") : c.theirs())));
        }
        list.setId(worksheet.id() + "-conflict-fields");
        Button keepMine = new Button(getTranslation("worksheet.conflict.keep-mine"), VaadinIcon.CHECK.create(), e -> {
            Map<String, String> nextBase = new LinkedHashMap<>(base);
            conflicts.forEach(c -> putOrRemove(nextBase, c.field(), c.theirs().isEmpty() ? null : c.theirs()));
            base = Map.copyOf(nextBase);
            conflictBanner.setVisible(false);
            save();
        });
        keepMine.setId(worksheet.id() + "-keep-mine");
        keepMine.addThemeVariants(ButtonVariant.PRIMARY);
        Button loadTheirs =
                new Button(getTranslation("worksheet.conflict.load-theirs"), VaadinIcon.REFRESH.create(), e -> {
                    Map<String, String> shown = new LinkedHashMap<>(currentValues());
                    Map<String, String> nextBase = new LinkedHashMap<>(base);
                    conflicts.forEach(c -> {
                        putOrRemove(shown, c.field(), c.theirs().isEmpty() ? null : c.theirs());
                        putOrRemove(nextBase, c.field(), c.theirs().isEmpty() ? null : c.theirs());
                    });
                    base = Map.copyOf(nextBase);
                    apply(shown);
                    conflicts.forEach(c -> touched.remove(c.field()));
                    lastScreen = Map.copyOf(currentValues());
                    conflictBanner.setVisible(false);
                    conflicts = List.of();
                    showResults(currentValues());
                    save();
                });
        loadTheirs.setId(worksheet.id() + "-load-theirs");
        Div buttons = new Div(keepMine, loadTheirs);
        buttons.addClassName("conflict-actions");
        conflictBanner.add(text, list, buttons);
        conflictBanner.setVisible(true);
    }

    /** How a field is named to the user (its label); worksheets with rows of their own say which row. */
    protected String describeField(String field) {
        TextFieldBase<?, String> text = textFields.get(field);
        if (text != null && text.getLabel() != null) {
            return text.getLabel();
        }
        String label = getTranslation(worksheet.id() + "." + field);
        return label.startsWith("!") ? field : label;
    }

    /** The page kept input the server never confirmed (restart, expired session, lost connection): offer it back. */
    private void offerKept(String flat) {
        if (flat == null || flat.isEmpty() || flat.length() > MAX_KEPT_CHARS) {
            return; // nothing kept, or more than any worksheet holds: not ours to offer
        }
        String[] parts = flat.split("\u0001", -1);
        Map<String, String> kept = new LinkedHashMap<>();
        for (int i = 0; i + 1 < parts.length && kept.size() < WorkbookService.MAX_FIELDS; i += 2) {
            if (!parts[i].isEmpty()
                    && parts[i].length() <= 50
                    && parts[i + 1].length() <= WorkbookService.MAX_VALUE_LENGTH) {
                kept.put(parts[i], parts[i + 1]);
            }
        }
        Map<String, String> current = currentValues();
        kept.entrySet().removeIf(e -> blankToEmpty(e.getValue()).equals(blankToEmpty(current.get(e.getKey()))));
        if (kept.isEmpty()) {
            getElement().executeJs("if (this.rwbForget) { this.rwbForget(); }");
            return;
        }
        keptBanner.removeAll();
        Paragraph text = new Paragraph(getTranslation("worksheet.kept"));
        UnorderedList list = new UnorderedList();
        kept.forEach((field, value) -> list.add(new ListItem(getTranslation(
                "worksheet.kept.field",
                describeField(field),
                value.isEmpty() ? getTranslation("worksheet.conflict.empty") : value))));
        Button restore = new Button(getTranslation("worksheet.kept.restore"), VaadinIcon.ARROW_BACKWARD.create(), e -> {
            Map<String, String> shown = new LinkedHashMap<>(currentValues());
            shown.putAll(kept);
            apply(shown);
            keptBanner.setVisible(false);
            touched.addAll(kept.keySet());
            lastScreen = Map.copyOf(currentValues());
            showResults(currentValues());
            save();
        });
        restore.setId(worksheet.id() + "-kept-restore");
        restore.addThemeVariants(ButtonVariant.PRIMARY);
        Button discard = new Button(getTranslation("worksheet.kept.discard"), VaadinIcon.CLOSE_SMALL.create(), e -> {
            getElement().executeJs("if (this.rwbForget) { this.rwbForget(); }");
            keptBanner.setVisible(false);
        });
        discard.setId(worksheet.id() + "-kept-discard");
        Div buttons = new Div(restore, discard);
        buttons.addClassName("conflict-actions");
        keptBanner.add(text, list, buttons);
        keptBanner.setVisible(true);
    }

    /** For tests: the push message about another tab's save arrives now. */
    void otherScreenSavedForTest() {
        refreshFromOtherScreen();
    }

    /** For tests: a screen whose push message about another tab's save has not arrived yet. */
    void stopListeningForTest() {
        stopListening.run();
    }

    /** For tests: what the page offered back. */
    void offerKeptForTest(Map<String, String> kept) {
        StringBuilder flat = new StringBuilder();
        kept.forEach((k, v) -> flat.append(flat.isEmpty() ? "" : "\u0001")
                .append(k)
                .append('\u0001')
                .append(v));
        offerKept(flat.toString());
    }

    private void load(SavedAnswers saved) {
        SavedAnswers shown = saved.in(getLocale());
        apply(shown.values());
        base = Map.copyOf(shown.values());
        lastScreen = Map.copyOf(currentValues());
        touched.clear();
        version = saved.version();
        savedComplete = worksheet.isComplete(context.with(worksheet, saved.values(), saved.locale()));
        setState(SaveState.SAVED);
        showResults(currentValues());
        announced = resultSummary(); // what the page opens with is read with the page, not announced
    }

    /**
     * The result as one sentence for a screen reader: each result value on show with its label, or, while there
     * is no result, the message why. Worksheets with results of another shape may say it their own way.
     */
    protected String resultSummary() {
        List<String> parts = new ArrayList<>();
        resultValues.forEach((value, label) -> {
            if (!value.getText().isBlank() && shown(value)) {
                parts.add(label == null ? value.getText() : label.getText() + ": " + value.getText());
            }
        });
        if (parts.isEmpty()) {
            results.getChildren()
                    .filter(c -> c instanceof Paragraph p && p.hasClassName("results-message") && p.isVisible())
                    .map(c -> ((Paragraph) c).getText())
                    .filter(text -> text != null && !text.isBlank())
                    .findFirst()
                    .ifPresent(parts::add);
        }
        return String.join("; ", parts);
    }

    /** Whether a component and everything around it up to this page is visible. */
    private boolean shown(Component component) {
        for (Component c = component; c != null && c != this; c = c.getParent().orElse(null)) {
            if (!c.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** After a save: if the result changed, the live region says the new one a moment after the last change. */
    private void announceResult() {
        String summary = resultSummary();
        if (summary.equals(announced)) {
            return;
        }
        announced = summary;
        // the browser waits until the changes stop coming (a pasted list, fast typing) and then says it once
        announcer
                .getElement()
                .executeJs(
                        "clearTimeout(this.rwbAnnounce); this.rwbAnnounce = setTimeout(() => { this.textContent = $0; },"
                                + " 1200)",
                        summary);
    }

    /** What the live region was last told to announce (for tests). */
    public String announcement() {
        return announced;
    }

    private static String readGuard() {
        try (InputStream in = WorksheetView.class.getResourceAsStream("save-guard.js")) {
            return new String(Objects.requireNonNull(in, "save-guard.js").readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void setState(SaveState newState) {
        state = newState;
        String key = switch (newState) {
            case SAVED -> version == SavedAnswers.NEVER_SAVED ? null : "worksheet.saved";
            case UNSAVED -> "worksheet.unsaved";
            case FAILED -> "worksheet.save-failed";
            case CONFLICT -> "worksheet.unsaved";
            case PARTLY -> "worksheet.saved-partly";
            case REFUSED -> "worksheet.save-refused";
        };
        saveStatus.setText(key == null ? "" : getTranslation(key));
        saveStatus.getElement().setAttribute("data-state", newState.name().toLowerCase(Locale.ROOT));
    }

    public SaveState saveState() {
        return state;
    }

    @Override
    public String getPageTitle() {
        return getTranslation(worksheet.id() + ".title") + " · " + getTranslation("app.title");
    }
}
