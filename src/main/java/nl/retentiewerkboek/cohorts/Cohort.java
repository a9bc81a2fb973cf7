package nl.retentiewerkboek.cohorts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

@Entity
@Table(name = "cohort")
class Cohort {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "trainer_id", nullable = false)
    private long trainerId;

    @Column(name = "starts_on")
    private LocalDate startsOn;

    @Column(length = 200)
    private String location;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "join_code", nullable = false, unique = true, length = 20)
    private String joinCode;

    @Column(name = "joining_open", nullable = false)
    private boolean joiningOpen = true;

    @Column(nullable = false)
    private boolean archived;

    @Column(name = "open_modules", length = 1000)
    private String openModules;

    @Version
    private long version;

    protected Cohort() {}

    Cohort(String name, long trainerId, LocalDate startsOn, String location, String joinCode, Instant createdAt) {
        this.joinCode = joinCode;
        this.name = name;
        this.trainerId = trainerId;
        this.startsOn = startsOn;
        this.location = location;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    long getTrainerId() {
        return trainerId;
    }

    LocalDate getStartsOn() {
        return startsOn;
    }

    String getLocation() {
        return location;
    }

    String getJoinCode() {
        return joinCode;
    }

    boolean isJoiningOpen() {
        return joiningOpen;
    }

    boolean isArchived() {
        return archived;
    }

    void edit(String name, LocalDate startsOn, String location) {
        this.name = name;
        this.startsOn = startsOn;
        this.location = location;
    }

    void setJoiningOpen(boolean open) {
        this.joiningOpen = open;
    }

    void setArchived(boolean archived) {
        this.archived = archived;
    }

    /** The lesson ids of the modules this cohort has opened; empty when all are open. */
    Optional<Set<String>> getOpenModules() {
        if (openModules == null || openModules.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Set.of(openModules.split(",")));
    }

    void setOpenModules(Optional<Set<String>> modules) {
        this.openModules = modules.map(m -> String.join(",", new TreeSet<>(m))).orElse(null);
    }

    void setJoinCode(String code) {
        this.joinCode = code;
    }
}
