/**
 * The shared bottom layer every feature may use: languages (i18n, the language switch and its
 * cookie), error handling, file names and the events features share. It depends on no
 * feature; the layout that ties the features together lives in {@code shell}.
 */
package nl.retentiewerkboek.base;
