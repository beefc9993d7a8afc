/*
 * Site search suggestions: the header's search box (templates/components/search_form.html)
 * becomes a combobox with suggestions from /sok/forslag/ as you type.
 *
 * WAI-ARIA Authoring Practices, "Editable Combobox With List Autocomplete" (manual
 * selection), as the finder's school combobox: the arrow keys move a highlight that stays in
 * the text box (aria-activedescendant), Enter opens the highlighted page, Escape closes the
 * list. Without a highlight, Enter sends the form as without JavaScript, to the search page.
 * The number of suggestions is announced in a polite live region. No inline styles
 * (Content-Security-Policy): the list uses the `hidden` attribute and the CSS classes of
 * the finder's combobox.
 */

const DEFAULT_TEXT = { none: "Inga förslag", one: "1 förslag", many: "{count} förslag" };
const DELAY_MS = 200;
const MIN_CHARS = 2;

function enhance(form) {
    const input = form.querySelector("input[name='q']");
    const url = form.dataset.suggestUrl;
    if (!input || !url || !window.fetch) {
        return;
    }
    const text = {
        none: form.dataset.textNone || DEFAULT_TEXT.none,
        one: form.dataset.textOne || DEFAULT_TEXT.one,
        many: form.dataset.textMany || DEFAULT_TEXT.many,
    };
    const listId = `${input.id}-forslag`;
    const list = document.createElement("ul");
    list.id = listId;
    list.className = "combobox__listbox";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.labels && input.labels[0] ? input.labels[0].textContent : "");
    list.hidden = true;
    const status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    form.append(list, status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    let timer = null;
    let active = -1;
    let latest = 0;

    function options() {
        return Array.from(list.querySelectorAll("[role='option']"));
    }

    function highlight(index) {
        const all = options();
        all.forEach((option, position) => {
            option.setAttribute("aria-selected", position === index ? "true" : "false");
        });
        active = index;
        if (index >= 0 && all[index]) {
            input.setAttribute("aria-activedescendant", all[index].id);
            all[index].scrollIntoView({ block: "nearest" });
        } else {
            input.removeAttribute("aria-activedescendant");
        }
    }

    function close() {
        list.hidden = true;
        input.setAttribute("aria-expanded", "false");
        highlight(-1);
    }

    function render(suggestions) {
        list.replaceChildren();
        suggestions.forEach((suggestion, index) => {
            const option = document.createElement("li");
            option.id = `${listId}-${index}`;
            option.className = "combobox__option";
            option.setAttribute("role", "option");
            option.setAttribute("aria-selected", "false");
            option.dataset.url = suggestion.url;
            const title = document.createElement("span");
            title.textContent = suggestion.title;
            const type = document.createElement("span");
            type.className = "combobox__option-type";
            type.textContent = suggestion.type;
            option.append(title, type);
            option.addEventListener("mousedown", (event) => event.preventDefault());
            option.addEventListener("click", () => window.location.assign(suggestion.url));
            list.append(option);
        });
        const count = suggestions.length;
        status.textContent =
            count === 0 ? text.none : count === 1 ? text.one : text.many.replace("{count}", count);
        list.hidden = count === 0;
        input.setAttribute("aria-expanded", count > 0 ? "true" : "false");
        highlight(-1);
    }

    async function load() {
        const query = input.value.trim();
        if (query.length < MIN_CHARS) {
            close();
            status.textContent = "";
            return;
        }
        const request = ++latest;
        try {
            const response = await fetch(`${url}?q=${encodeURIComponent(query)}`, {
                headers: { Accept: "application/json" },
            });
            if (!response.ok || request !== latest) {
                return;
            }
            const data = await response.json();
            if (request === latest) {
                render(data.suggestions || []);
            }
        } catch {
            // Offline or a slow network: the search box still works as a plain form.
            close();
        }
    }

    input.addEventListener("input", () => {
        window.clearTimeout(timer);
        timer = window.setTimeout(load, DELAY_MS);
    });

    input.addEventListener("keydown", (event) => {
        const all = options();
        if (event.key === "ArrowDown" && all.length) {
            event.preventDefault();
            if (list.hidden) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
            }
            highlight((active + 1) % all.length);
        } else if (event.key === "ArrowUp" && all.length && !list.hidden) {
            event.preventDefault();
            highlight(active <= 0 ? all.length - 1 : active - 1);
        } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
            event.preventDefault();
            window.location.assign(all[active].dataset.url);
        } else if (event.key === "Escape" && !list.hidden) {
            event.preventDefault();
            close();
        }
    });

    input.addEventListener("blur", close);
}

document.querySelectorAll("form.site-search[data-suggest-url]").forEach(enhance);
