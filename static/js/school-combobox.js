/*
 * School combobox: turns the finder's school <select> into a type-ahead list.
 *
 * Follows the WAI-ARIA Authoring Practices pattern "Editable Combobox With List Autocomplete"
 * (manual selection): typing filters the list, the arrow keys move a highlight that stays in
 * the text box (aria-activedescendant), Enter picks. The original <select> stays in the form,
 * hidden, and carries the value, so the GET request and shared links are unchanged. Without
 * JavaScript the plain <select> is used.
 *
 * No inline styles (Content-Security-Policy): visibility uses the `hidden` attribute and the
 * look lives in combobox.css.
 */

// Swedish defaults; the template passes translated texts as data-text-* attributes on the
// wrapper, so other languages need no change here.
const DEFAULT_TEXT = {
    hint: "Skriv några bokstäver i skolans namn och välj i listan.",
    none: "Ingen skola matchar",
    one: "1 skola",
    many: "{count} skolor",
};

function textsFor(wrapper) {
    const text = { ...DEFAULT_TEXT };
    for (const key of Object.keys(DEFAULT_TEXT)) {
        const value = wrapper.dataset[`text${key[0].toUpperCase()}${key.slice(1)}`];
        if (value) {
            text[key] = value;
        }
    }
    return text;
}

// Long enough to let a fast typist finish a word, so screen readers read one count, not five.
const ANNOUNCE_DELAY_MS = 400;

/** Lower case without diacritics, so "varby" finds "Vårby" and "skogas" finds "Skogås". */
function fold(text) {
    return text
        .normalize("NFD")
        .replace(/\p{M}/gu, "")
        .toLocaleLowerCase("sv")
        .replace(/\s+/g, " ")
        .trim();
}

/** 0: the name starts with the query, 1: a word in it does, 2: it contains it, null: no. */
function matchRank(folded, query) {
    if (!folded.includes(query)) {
        return null;
    }
    if (folded.startsWith(query)) {
        return 0;
    }
    return folded.includes(` ${query}`) ? 1 : 2;
}

function countText(text, count) {
    if (count === 0) {
        return text.none;
    }
    return count === 1 ? text.one : text.many.replace("{count}", String(count));
}

function createElement(tag, attributes = {}) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        element.setAttribute(name, value);
    }
    return element;
}

/** The id of an element, giving it one first if it has none. */
function ensureId(element, fallback) {
    if (!element.id) {
        element.id = fallback;
    }
    return element.id;
}

class SchoolCombobox {
    constructor(wrapper, select, label) {
        this.text = textsFor(wrapper);
        this.select = select;
        this.label = label;
        this.active = null;
        this.announceTimer = null;
        this.buildElements(wrapper);
        // In the select's (alphabetical) order; `options` follows the order on screen.
        this.schools = this.buildOptions();
        this.options = [...this.schools];
        this.bindEvents();
        this.showSelectedSchool();
    }

    buildElements(wrapper) {
        const baseId = this.select.id || "school-combobox";
        const labelId = ensureId(this.label, `${baseId}-label`);

        this.input = createElement("input", {
            type: "text",
            id: `${baseId}-combobox`,
            class: "combobox__input",
            role: "combobox",
            "aria-autocomplete": "list",
            "aria-expanded": "false",
            "aria-controls": `${baseId}-listbox`,
            // The browser's own suggestions would cover our list.
            autocomplete: "off",
            autocapitalize: "off",
            spellcheck: "false",
        });
        this.listbox = createElement("ul", {
            id: `${baseId}-listbox`,
            class: "combobox__listbox",
            role: "listbox",
            "aria-labelledby": labelId,
        });
        this.listbox.hidden = true;
        this.hint = createElement("p", { id: `${baseId}-hint`, class: "combobox__hint" });
        this.hint.textContent = this.text.hint;
        this.status = createElement("div", {
            id: `${baseId}-status`,
            class: "visually-hidden",
            role: "status",
            "aria-live": "polite",
            "aria-atomic": "true",
        });

        this.carryOverValidation();
        this.label.htmlFor = this.input.id;

        const field = createElement("div", { class: "combobox" });
        field.append(this.input, this.listbox);
        this.select.after(field, this.hint, this.status);
        // Stays in the form to carry the value; the input takes its place on screen.
        this.select.hidden = true;
        wrapper.classList.add("combobox-enhanced");
    }

    /** A server-side error on the select (aria-invalid, its message) moves to the input. */
    carryOverValidation() {
        const describedBy = [this.select.getAttribute("aria-describedby"), this.hint.id];
        this.input.setAttribute("aria-describedby", describedBy.filter(Boolean).join(" "));
        if (this.select.getAttribute("aria-invalid") === "true") {
            this.input.setAttribute("aria-invalid", "true");
        }
    }

    /** One <li role="option"> per school; "Alla skolor" (value "") becomes the empty text. */
    buildOptions() {
        const options = [];
        for (const source of this.select.options) {
            if (source.value === "") {
                continue;
            }
            const name = source.textContent.trim();
            const element = createElement("li", {
                id: `${this.listbox.id}-${options.length}`,
                class: "combobox__option",
                role: "option",
                "aria-selected": "false",
            });
            element.textContent = name;
            this.listbox.append(element);
            options.push({ value: source.value, name, folded: fold(name), element });
        }
        return options;
    }

    bindEvents() {
        this.input.addEventListener("input", () => this.onInput());
        this.input.addEventListener("keydown", (event) => this.onKeydown(event));
        this.input.addEventListener("click", () => this.open());
        this.input.addEventListener("blur", () => this.close());
        // Keep focus in the text box while the pointer is on the list, so blur does not
        // close the list before the click lands.
        this.listbox.addEventListener("mousedown", (event) => event.preventDefault());
        this.listbox.addEventListener("click", (event) => this.onOptionClick(event));
        this.select.form?.addEventListener("submit", () => this.syncSelect());
    }

    /** A school chosen in the URL (?skola=slug) shows its name. */
    showSelectedSchool() {
        const chosen = this.options.find((option) => option.value === this.select.value);
        this.input.value = chosen ? chosen.name : "";
    }

    get isOpen() {
        return this.input.getAttribute("aria-expanded") === "true";
    }

    get visibleOptions() {
        return this.options.filter((option) => !option.element.hidden);
    }

    onInput() {
        this.syncSelect();
        if (this.input.value.trim() === "") {
            // Empty means all schools: nothing to suggest.
            this.close();
            return;
        }
        this.open();
    }

    onKeydown(event) {
        if (event.ctrlKey || event.metaKey) {
            return;
        }
        switch (event.key) {
            case "ArrowDown":
                event.preventDefault();
                if (event.altKey) {
                    this.open();
                } else {
                    this.moveHighlight(1);
                }
                break;
            case "ArrowUp":
                event.preventDefault();
                if (event.altKey) {
                    this.close();
                } else {
                    this.moveHighlight(-1);
                }
                break;
            case "Enter":
                this.onEnter(event);
                break;
            case "Escape":
                this.onEscape(event);
                break;
            case "Tab":
                this.close();
                break;
            case "Home":
            case "End":
            case "ArrowLeft":
            case "ArrowRight":
                // The caret moves in the text (browser default); the highlight goes away.
                this.setHighlight(null);
                break;
            default:
                break;
        }
    }

    onEnter(event) {
        if (this.isOpen && this.active) {
            // Picking is not submitting: the next Enter sends the form.
            event.preventDefault();
            this.pick(this.active);
        }
    }

    onEscape(event) {
        if (this.isOpen) {
            event.preventDefault();
            this.close();
        } else if (this.input.value !== "") {
            event.preventDefault();
            this.input.value = "";
            this.syncSelect();
            this.clearAnnouncement();
        }
    }

    onOptionClick(event) {
        const element = event.target.closest('[role="option"]');
        const option = this.options.find((candidate) => candidate.element === element);
        if (option) {
            this.pick(option);
        }
    }

    /** Shows the schools matching the text; with none, the list stays closed. */
    open() {
        const count = this.filter();
        this.setExpanded(count > 0);
        this.announce(countText(this.text, count));
    }

    close() {
        this.setExpanded(false);
        this.clearAnnouncement();
    }

    setExpanded(expanded) {
        this.listbox.hidden = !expanded;
        this.input.setAttribute("aria-expanded", String(expanded));
        if (!expanded) {
            this.setHighlight(null);
        }
    }

    /** Hides the options that do not contain the text; returns how many are left. */
    filter() {
        const query = fold(this.input.value);
        this.setHighlight(null);
        const ranked = [];
        for (const option of this.schools) {
            const rank = matchRank(option.folded, query);
            option.element.hidden = rank === null;
            if (rank !== null) {
                ranked.push({ option, rank });
            }
        }
        // Names that start with what was typed come first, then names with a word that
        // does, then the rest, each group in alphabetical order: "vår" lists Vårby's
        // schools before Kvarnängsskolan.
        ranked.sort((a, b) => a.rank - b.rank);
        const shown = ranked.map(({ option }) => option);
        this.listbox.append(...shown.map((option) => option.element));
        // The arrow keys follow the order on screen.
        this.options = [...shown, ...this.schools.filter((option) => option.element.hidden)];
        return shown.length;
    }

    /** Down from the text box lands on the first option, up on the last; both wrap. */
    moveHighlight(step) {
        if (!this.isOpen) {
            this.open();
            if (!this.isOpen) {
                return;
            }
        }
        const visible = this.visibleOptions;
        const current = visible.indexOf(this.active);
        let index;
        if (current === -1) {
            index = step > 0 ? 0 : visible.length - 1;
        } else {
            index = (current + step + visible.length) % visible.length;
        }
        this.setHighlight(visible[index]);
    }

    /** Highlights an option (null: none) while focus stays in the text box. */
    setHighlight(option) {
        this.active?.element.setAttribute("aria-selected", "false");
        this.active = option;
        if (option) {
            option.element.setAttribute("aria-selected", "true");
            this.input.setAttribute("aria-activedescendant", option.element.id);
            option.element.scrollIntoView({ block: "nearest" });
        } else {
            this.input.removeAttribute("aria-activedescendant");
        }
    }

    pick(option) {
        this.input.value = option.name;
        this.select.value = option.value;
        this.close();
        this.input.focus();
    }

    /**
     * Writes the text's school into the select: an exact name (ignoring case and diacritics)
     * is that school; empty text or no match is "" — all schools, as the filter is optional.
     */
    syncSelect() {
        const query = fold(this.input.value);
        const match = query ? this.options.find((option) => option.folded === query) : null;
        this.select.value = match ? match.value : "";
    }

    /** Sets the live region after a pause, so only the count the typist stops at is read. */
    announce(message) {
        window.clearTimeout(this.announceTimer);
        this.announceTimer = window.setTimeout(() => {
            this.status.textContent = message;
        }, ANNOUNCE_DELAY_MS);
    }

    clearAnnouncement() {
        window.clearTimeout(this.announceTimer);
        this.status.textContent = "";
    }
}

function enhance(wrapper) {
    const select = wrapper.querySelector("select");
    if (!select || wrapper.classList.contains("combobox-enhanced")) {
        return;
    }
    const label =
        (select.id && wrapper.querySelector(`label[for="${CSS.escape(select.id)}"]`)) ||
        wrapper.querySelector("label");
    if (label) {
        new SchoolCombobox(wrapper, select, label);
    }
}

document.querySelectorAll("[data-school-combobox]").forEach(enhance);
