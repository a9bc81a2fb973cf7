package nl.retentiewerkboek.workbook.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.retentiewerkboek.security.OnBehalf;
import nl.retentiewerkboek.workbook.SaveFailedException;
import nl.retentiewerkboek.workbook.SavedAnswers;
import nl.retentiewerkboek.workbook.WorkbookService;
import nl.retentiewerkboek.workbook.WorkbookService.Reflection;
import nl.retentiewerkboek.workbook.WorkbookService.Reflections;
import nl.retentiewerkboek.workbook.WorkbookService.ReflectionsSaved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The lesson's "Vragen voor jezelf", answered under the lesson: a text area per question, saved after each pause in
 * typing like a worksheet's fields (only what this screen changed is written, so another tab's answers stay), with
 * the same "Opgeslagen" status. Another tab's save shows here where this screen has no changes of its own.
 */
class ReflectionsPanel extends Section {

    private static final Logger log = LoggerFactory.getLogger(ReflectionsPanel.class);

    private final WorkbookService workbook;
    private final String lessonId;
    private final Locale locale;
    private final Map<String, TextArea> areas = new LinkedHashMap<>();
    private final Span status = new Span();
    /** What is stored, as this screen last loaded or saved it: the base of every merge. */
    private Map<String, String> base = Map.of();

    private long version = SavedAnswers.NEVER_SAVED;
    private boolean loading;
    private Runnable stopListening = () -> {};

    ReflectionsPanel(WorkbookService workbook, String lessonId, Locale locale) {
        this.workbook = workbook;
        this.lessonId = lessonId;
        this.locale = locale;
        addClassName("reflections");
        setId("reflections");
        H2 title = new H2(getTranslation("reflections.title"));
        title.setId("reflections-title");
        getElement().setAttribute("aria-labelledby", "reflections-title");
        Paragraph intro = new Paragraph(getTranslation("reflections.intro"));
        intro.addClassName("form-hint");
        status.setId("reflections-save-status");
        status.addClassName("save-status");
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("aria-live", "polite");
        add(title, intro, status);
        Reflections stored = workbook.myReflections(lessonId, locale);
        List<Reflection> answered = stored.answered();
        for (int i = 0; i < answered.size(); i++) {
            String field = WorkbookService.questionField(i);
            TextArea area = new TextArea(answered.get(i).question());
            area.setId("reflection-" + field);
            area.setWidthFull();
            area.setMinRows(2);
            area.setMaxLength(WorkbookService.MAX_VALUE_LENGTH);
            area.setValueChangeMode(ValueChangeMode.LAZY);
            area.setValueChangeTimeout(500);
            area.addValueChangeListener(e -> changed());
            areas.put(field, area);
            add(area);
        }
        show(stored);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        SecurityContext signedIn = SecurityContextHolder.getContext();
        stopListening = workbook.onMyReflectionSaves(lessonId, savedVersion -> {
            Runnable refresh = OnBehalf.of(signedIn, () -> {
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
    }

    private Map<String, String> current() {
        Map<String, String> values = new LinkedHashMap<>();
        areas.forEach((field, area) -> {
            if (!area.getValue().isBlank()) {
                values.put(field, area.getValue());
            }
        });
        return values;
    }

    private void changed() {
        if (loading) {
            return;
        }
        status.setText(getTranslation("worksheet.unsaved"));
        status.getElement().setAttribute("data-state", "unsaved");
        try {
            ReflectionsSaved saved = workbook.saveMyReflections(lessonId, base, current(), locale);
            Map<String, String> mine = current();
            version = saved.stored().version();
            Map<String, String> stored = values(saved.stored());
            Map<String, String> nextBase = new LinkedHashMap<>(stored);
            loading = true;
            try {
                areas.forEach((field, area) -> {
                    area.setInvalid(false);
                    area.setHelperText(null);
                    if (saved.conflicts().contains(field)) {
                        // the other screen's text is stored: show it, and keep this screen's text readable
                        area.setValue(stored.getOrDefault(field, ""));
                        area.setHelperText(getTranslation("reflections.conflict", mine.getOrDefault(field, "")));
                    } else if (saved.tooLong().contains(field)) {
                        area.setInvalid(true);
                        area.setErrorMessage(getTranslation("worksheet.too-long", WorkbookService.MAX_VALUE_LENGTH));
                    }
                });
            } finally {
                loading = false;
            }
            base = Map.copyOf(nextBase);
            state(saved.conflicts().isEmpty() && saved.tooLong().isEmpty() ? "saved" : "partly");
        } catch (SaveFailedException e) {
            state("failed");
        } catch (AccessDeniedException | IllegalArgumentException e) {
            log.info("Saving the answers to lesson {} was refused: {}", lessonId, e.getMessage());
            state("refused");
        }
    }

    private void state(String state) {
        String key = switch (state) {
            case "saved" -> "worksheet.saved";
            case "partly" -> "reflections.saved-partly";
            case "failed" -> "reflections.save-failed";
            case "refused" -> "worksheet.save-refused";
            default -> "worksheet.updated-elsewhere";
        };
        status.setText(getTranslation(key));
        status.getElement().setAttribute("data-state", state);
    }

    /** Another screen saved: show its text where this screen has no changes of its own. */
    private void refreshFromOtherScreen() {
        Reflections stored = workbook.myReflections(lessonId, locale);
        Map<String, String> values = values(stored);
        Map<String, String> nextBase = new LinkedHashMap<>(base);
        loading = true;
        try {
            areas.forEach((field, area) -> {
                boolean untouched = area.getValue().equals(base.getOrDefault(field, ""));
                if (untouched) {
                    area.setValue(values.getOrDefault(field, ""));
                    if (values.containsKey(field)) {
                        nextBase.put(field, values.get(field));
                    } else {
                        nextBase.remove(field);
                    }
                }
            });
        } finally {
            loading = false;
        }
        base = Map.copyOf(nextBase);
        version = stored.version();
        state("elsewhere");
    }

    private void show(Reflections stored) {
        Map<String, String> values = values(stored);
        loading = true;
        try {
            areas.forEach((field, area) -> area.setValue(values.getOrDefault(field, "")));
        } finally {
            loading = false;
        }
        base = Map.copyOf(values);
        version = stored.version();
        if (version != SavedAnswers.NEVER_SAVED) {
            state("saved");
        }
    }

    private static Map<String, String> values(Reflections reflections) {
        Map<String, String> values = new LinkedHashMap<>();
        List<Reflection> answered = reflections.answered();
        for (int i = 0; i < answered.size(); i++) {
            if (!answered.get(i).answer().isBlank()) {
                values.put(WorkbookService.questionField(i), answered.get(i).answer());
            }
        }
        return values;
    }

    /** For tests: the push message about another tab's save arrives now. */
    void otherScreenSavedForTest() {
        refreshFromOtherScreen();
    }
}
