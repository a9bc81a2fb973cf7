package nl.retentiewerkboek.workbook;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** What one participant typed into one worksheet, exactly as typed, with the language it was typed in. */
@Entity
@Table(name = "worksheet_answers")
class WorksheetAnswers {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "owner_id", nullable = false)
    private long ownerId;

    @Column(nullable = false, length = 50)
    private String worksheet;

    @Column(nullable = false)
    private int measurement = 1;

    @Column(name = "input_locale", nullable = false, length = 5)
    private String inputLocale;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "worksheet_answer_value", joinColumns = @JoinColumn(name = "answers_id"))
    @MapKeyColumn(name = "field_key", length = 50)
    @Column(name = "raw_value", nullable = false, length = 500)
    private Map<String, String> values = new HashMap<>();

    protected WorksheetAnswers() {}

    WorksheetAnswers(long ownerId, String worksheet, int measurement) {
        this.ownerId = ownerId;
        this.worksheet = worksheet;
        this.measurement = measurement;
    }

    int getMeasurement() {
        return measurement;
    }

    long getOwnerId() {
        return ownerId;
    }

    String getWorksheet() {
        return worksheet;
    }

    String getInputLocale() {
        return inputLocale;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    long getVersion() {
        return version;
    }

    Map<String, String> getValues() {
        return Map.copyOf(values);
    }

    void replace(Map<String, String> newValues, String language, Instant now) {
        values.clear();
        newValues.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                values.put(k, v);
            }
        });
        inputLocale = language;
        updatedAt = now;
    }
}
