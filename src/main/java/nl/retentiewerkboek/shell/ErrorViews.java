package nl.retentiewerkboek.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Friendly pages for a missing page and for an unexpected error: never a stack trace. */
public final class ErrorViews {

    private ErrorViews() {}

    private static Div page(Div view, String titleKey, String messageKey) {
        view.addClassName("error-view");
        view.removeAll();
        Anchor home = new Anchor("", view.getTranslation("error.home"));
        home.setId("error-home");
        view.add(new H1(view.getTranslation(titleKey)), new Paragraph(view.getTranslation(messageKey)), home);
        return view;
    }

    /** Shown for a page that does not exist. */
    @ParentLayout(MainLayout.class)
    @AnonymousAllowed
    public static class NotFound extends Div implements HasErrorParameter<NotFoundException> {
        @Override
        public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
            page(this, "error.title", "error.not-found");
            return HttpServletResponse.SC_NOT_FOUND;
        }
    }

    /** Shown for anything unexpected; the details go to the log, not to the screen. */
    @ParentLayout(MainLayout.class)
    @AnonymousAllowed
    public static class InternalError extends Div implements HasErrorParameter<Exception> {
        private static final Logger log = LoggerFactory.getLogger(InternalError.class);

        @Override
        public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
            log.error("Unexpected error on {}", event.getLocation().getPath(), parameter.getCaughtException());
            page(this, "error.title", "error.message");
            return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        }
    }
}
