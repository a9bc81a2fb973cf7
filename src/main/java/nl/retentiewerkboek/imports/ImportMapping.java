package nl.retentiewerkboek.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The columns one participant chose for one system's export, by header name ({@link Mapping#stored}). */
@Entity
@Table(name = "import_mapping")
class ImportMapping {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "owner_id", nullable = false)
    private long ownerId;

    @Column(nullable = false, length = 50)
    private String worksheet;

    @Column(nullable = false, length = 50)
    private String system;

    @Column(nullable = false, length = 4000)
    private String mapping;

    protected ImportMapping() {}

    ImportMapping(long ownerId, String worksheet, String system) {
        this.ownerId = ownerId;
        this.worksheet = worksheet;
        this.system = system;
    }

    String getSystem() {
        return system;
    }

    String getMapping() {
        return mapping;
    }

    void setMapping(String mapping) {
        this.mapping = mapping;
    }
}
