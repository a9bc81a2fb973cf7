package nl.retentiewerkboek.workbook;

import java.util.List;
import java.util.Optional;

/** A participant's progress through all modules, in order. */
public record WorkbookProgress(List<ModuleProgress> modules, boolean introRead) {

    public WorkbookProgress {
        modules = List.copyOf(modules);
    }

    public int done() {
        return (int) modules.stream().filter(ModuleProgress::done).count();
    }

    public int total() {
        return modules.size();
    }

    /** Share done, 0..1, for a progress bar. */
    public double fraction() {
        return total() == 0 ? 0 : (double) done() / total();
    }

    /** Whether every module open to the participant is done (and at least one is open): the course is finished. */
    public boolean allDone() {
        return !modules.isEmpty() && modules.stream().allMatch(ModuleProgress::done);
    }

    /** The first module not done yet: where to continue. */
    public Optional<ModuleProgress> next() {
        return modules.stream().filter(m -> !m.done()).findFirst();
    }

    public Optional<ModuleProgress> of(String lessonId) {
        return modules.stream().filter(m -> m.lesson().id().equals(lessonId)).findFirst();
    }
}
