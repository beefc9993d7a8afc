/*
 * "Var informationen till din hjälp?" without leaving the page.
 *
 * Without JavaScript each step is a POST and the page comes back at the box (#feedback). Here
 * the same form is posted with fetch, with the header X-Page-Feedback, and the server answers
 * with the box's next step as HTML (the comment form, the thanks, or a message), which
 * replaces the box. Focus moves to the new step's heading or message, so a screen reader says
 * what happened. If anything fails, the form is posted the ordinary way.
 */

const BOX = "[data-page-feedback]";

function enhance(box) {
    box.addEventListener("submit", async (event) => {
        const form = event.target;
        if (!(form instanceof HTMLFormElement) || form.dataset.sending) {
            return;
        }
        event.preventDefault();
        form.dataset.sending = "true";
        const data = new FormData(form);
        if (event.submitter && event.submitter.name) {
            data.append(event.submitter.name, event.submitter.value);
        }
        let response;
        try {
            response = await fetch(form.action, {
                method: "POST",
                body: data,
                headers: { "X-Page-Feedback": "1" },
                credentials: "same-origin",
            });
        } catch {
            form.submit();
            return;
        }
        const type = response.headers.get("Content-Type") || "";
        if (!type.startsWith("text/html")) {
            form.submit();
            return;
        }
        const template = document.createElement("template");
        template.innerHTML = (await response.text()).trim();
        const next = template.content.querySelector(BOX);
        if (!next) {
            form.submit();
            return;
        }
        box.replaceWith(next);
        enhance(next);
        const focus = next.querySelector("[data-focus]");
        if (focus) {
            focus.focus();
        }
    });
}

document.querySelectorAll(BOX).forEach(enhance);
