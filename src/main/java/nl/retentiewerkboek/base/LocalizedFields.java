package nl.retentiewerkboek.base;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datepicker.DatePicker.DatePickerI18n;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.textfield.PasswordField;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Vaadin's fields speak English by themselves: these put the user's language in the parts the app
 * does not write (a date picker's month and day names, its buttons and date format; the password
 * field's reveal button). Every date picker and password field in the app goes through here.
 */
public final class LocalizedFields {

    private LocalizedFields() {}

    /** A date picker in the given language: month and day names, Monday first, its buttons, d-M-yyyy or d/M/yyyy. */
    public static <T extends DatePicker> T datePicker(T picker, Locale locale) {
        Locale shown = AppI18NProvider.supported(locale);
        picker.setLocale(shown);
        picker.setI18n(datePickerI18n(shown, key -> picker.getTranslation(key, shown)));
        return picker;
    }

    /** The date picker texts for a language; {@code t} translates the app's own keys. */
    public static DatePickerI18n datePickerI18n(Locale locale, Function<String, String> t) {
        List<String> months = Arrays.stream(Month.values())
                .map(m -> m.getDisplayName(TextStyle.FULL_STANDALONE, locale))
                .toList();
        // the web component counts its weekdays from Sunday, whatever day the week starts on
        List<DayOfWeek> fromSunday = List.of(
                DayOfWeek.SUNDAY,
                DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY,
                DayOfWeek.SATURDAY);
        return new DatePickerI18n()
                .setMonthNames(months)
                .setWeekdays(fromSunday.stream()
                        .map(d -> d.getDisplayName(TextStyle.FULL_STANDALONE, locale))
                        .toList())
                .setWeekdaysShort(fromSunday.stream()
                        .map(d -> d.getDisplayName(TextStyle.SHORT_STANDALONE, locale))
                        .toList())
                .setFirstDayOfWeek(1)
                .setDateFormats(t.apply("datepicker.format"), t.apply("datepicker.format.short"))
                .setToday(t.apply("datepicker.today"))
                .setCancel(t.apply("datepicker.cancel"))
                .setBadInputErrorMessage(t.apply("datepicker.bad-input"));
    }

    /** The sign-in form's password field, whose reveal button the form itself leaves in English. */
    public static LoginForm loginForm(LoginForm form, Locale locale) {
        // the form draws its fields in the page (not in its shadow): name the button once they exist
        form.getElement()
                .executeJs(
                        "customElements.whenDefined('vaadin-password-field').then(() => requestAnimationFrame(() => {"
                                + " const f = this.querySelector('vaadin-password-field');"
                                + " if (f) { f.i18n = Object.assign({}, f.i18n, {reveal: $0}); } }))",
                        form.getTranslation("password.reveal", AppI18NProvider.supported(locale)));
        return form;
    }

    /** A password field whose reveal button is named in the given language. */
    public static PasswordField passwordField(PasswordField field, Locale locale) {
        field.getElement()
                .setPropertyMap(
                        "i18n",
                        Map.of("reveal", field.getTranslation("password.reveal", AppI18NProvider.supported(locale))));
        return field;
    }
}
