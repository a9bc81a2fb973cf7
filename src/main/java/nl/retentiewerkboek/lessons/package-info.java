/**
 * The lessons: Markdown files with flat front matter under {@code content/<language>/}, read once at
 * start-up into the {@link nl.retentiewerkboek.lessons.LessonCatalogue}. flexmark is used only in
 * {@link nl.retentiewerkboek.lessons.MarkdownRenderer}, which escapes raw HTML and sanitises the result.
 */
package nl.retentiewerkboek.lessons;
