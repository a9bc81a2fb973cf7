package nl.retentiewerkboek.base;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;

/** Fired on the UI when something the progress bar counts has changed (a worksheet saved, a lesson read). */
public class ProgressChangedEvent extends ComponentEvent<UI> {

    public ProgressChangedEvent(UI source) {
        super(source, false);
    }

    /** Tells the layout of the given UI to refresh the progress it shows. */
    public static void fire(UI ui) {
        ComponentUtil.fireEvent(ui, new ProgressChangedEvent(ui));
    }
}
