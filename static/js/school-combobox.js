/*
 * School combobox: turns the finder's school text field into a type-ahead list.
 *
 * Follows the WAI-ARIA Authoring Practices pattern "Editable Combobox With List Autocomplete"
 * (manual selection): typing filters the list, the arrow keys move a highlight that stays in
 * the text box (aria-activedescendant), Enter picks. The schools come from the field's
 * <datalist>, which the browser shows by itself without JavaScript. Whatever is typed is sent
 * as it is and matched on the server (advice/finder.py); only a name that is exactly a
 * school's is sent as that school's slug, so the address reads ?skola=varby-strandskola and
 * can be shared.
 *
 * No inline styles (Content-Security-Policy): visibility uses the `hidden` attribute and the
 * look lives in static/css/main.css ("School combobox").
 */

// Swedish defaults; the template passes translated texts as data-text-* attributes on the
// wrapper, so other languages need no change here.
const DEFAULT_TEXT = {
    hint: "Skriv några bokstäver i skolans namn och välj i listan.",
    none: "Ingen skola i listan matchar",
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

/**
 * Lower case letters and digits without diacritics, words separated by one space, as the
 * server compares (advice/finder.py, fold): "varby" finds "Vårby", "skogas" finds "Skogås".
 */
function fold(text) {
    return text
        .normalize("NFKD")
        .replace(/\p{M}/gu, "")
        .toLocaleLowerCase("sv")
        .replace(/[^\p{L}\p{N}]+/gu, " ")
        .trim();
}

// Endings of the definite form and the genitive: "dalskolan" finds Flemingsbergs dalskola.
// The same list as INFLECTIONS in advice/finder.py.
const INFLECTIONS = ["s", "n", "ns", "en", "ens", "et", "ets", "an", "ans", "na", "nas"];
const MIN_PART = 3;

function stem(word) {
    const endings = [...INFLECTIONS].sort((a, b) => b.length - a.length);
    for (const ending of endings) {
        if (word.endsWith(ending) && word.length - ending.length >= MIN_PART) {
            return word.slice(0, -ending.length);
        }
    }
    return word;
}

/** 2: the word starts with the typed word or is it inflected, 1: a part of it, 0: no. */
function wordMatch(token, word) {
    if (word.startsWith(token)) {
        return 2;
    }
    if (token.startsWith(word) && INFLECTIONS.includes(token.slice(word.length))) {
        return 2;
    }
    const part = stem(token);
    return part.length >= MIN_PART && word.includes(part) ? 1 : 0;
}

/**
 * 0: the name starts with the query, 1: every typed word starts a word of the name,
 * 2: every typed word is at least part of one, null: no match. Also a name typed as one
 * word ("vårbystrandskolan").
 */
function matchRank(folded, query) {
    if (folded.startsWith(query)) {
        return 0;
    }
    const joinedName = folded.replaceAll(" ", "");
    const joinedQuery = query.replaceAll(" ", "");
    if (
        joinedName.startsWith(joinedQuery) ||
        (joinedQuery.startsWith(joinedName) &&
            INFLECTIONS.includes(joinedQuery.slice(joinedName.length)))
    ) {
        return 1;
    }
    const words = folded.split(" ");
    let strength = 2;
    for (const token of query.split(" ")) {
        const best = Math.max(...words.map((word) => wordMatch(token, word)));
        if (best === 0) {
            return null;
        }
        strength = Math.min(strength, best);
    }
    return strength === 2 ? 1 : 2;
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
    constructor(wrapper, input, datalist, label) {
        this.text = textsFor(wrapper);
        this.input = input;
        this.label = label;
        this.active = null;
        this.announceTimer = null;
        this.buildElements(wrapper, datalist);
        // In the datalist's (alphabetical) order; `options` follows the order on screen.
        this.schools = this.buildOptions(datalist);
        this.options = [...this.schools];
        this.bindEvents();
    }

    buildElements(wrapper, datalist) {
        const baseId = this.input.id || "school-combobox";
        const labelId = ensureId(this.label, `${baseId}-label`);

        // Our list replaces the browser's own suggestions from the datalist.
        this.input.removeAttribute("list");
        for (const [name, value] of Object.entries({
            role: "combobox",
            "aria-autocomplete": "list",
            "aria-expanded": "false",
            "aria-controls": `${baseId}-listbox`,
            autocomplete: "off",
        })) {
            this.input.setAttribute(name, value);
        }
        this.input.classList.add("combobox__input");
        this.listbox = createElement("ul", {
            id: `${baseId}-listbox`,
            class: "combobox__listbox",
            role: "listbox",
            "aria-labelledby": labelId,
        });
        this.listbox.hidden = true;
        // The server's hint ("Skriv skolans namn …") now also says to pick in the list.
        this.hint = wrapper.querySelector(`#${CSS.escape(baseId)}-hint`);
        if (!this.hint) {
            this.hint = createElement("p", { id: `${baseId}-hint`, class: "combobox__hint" });
            this.input.before(this.hint);
        }
        this.hint.textContent = this.text.hint;
        const describedBy = (this.input.getAttribute("aria-describedby") || "").split(" ");
        if (!describedBy.includes(this.hint.id)) {
            this.input.setAttribute(
                "aria-describedby",
                [...describedBy, this.hint.id].filter(Boolean).join(" "),
            );
        }
        this.status = createElement("div", {
            id: `${baseId}-status`,
            class: "visually-hidden",
            role: "status",
            "aria-live": "polite",
            "aria-atomic": "true",
        });

        const field = createElement("div", { class: "combobox" });
        this.input.replaceWith(field);
        field.append(this.input, this.listbox);
        field.after(this.status);
        datalist.remove();
        wrapper.classList.add("combobox-enhanced");
    }

    /** One <li role="option"> per school of the datalist. */
    buildOptions(datalist) {
        const options = [];
        for (const source of datalist.options) {
            const name = source.value.trim();
            if (!name) {
                continue;
            }
            const element = createElement("li", {
                id: `${this.listbox.id}-${options.length}`,
                class: "combobox__option",
                role: "option",
                "aria-selected": "false",
            });
            element.textContent = name;
            this.listbox.append(element);
            options.push({ slug: source.dataset.slug || "", name, folded: fold(name), element });
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
        this.input.form?.addEventListener("submit", (event) => this.onSubmit(event));
    }

    /**
     * A name that is exactly a school's (ignoring case and diacritics) is sent as the school's
     * slug; anything else is sent as typed, for the server to match and answer.
     */
    onSubmit(event) {
        const form = this.input.form;
        const school = this.exactSchool();
        if (!school || !school.slug || event.defaultPrevented) {
            return;
        }
        event.preventDefault();
        const url = new URL(form.action, window.location.href);
        const data = new FormData(form);
        data.set(this.input.name, school.slug);
        url.search = new URLSearchParams(data).toString();
        window.location.assign(url.href);
    }

    exactSchool() {
        const query = fold(this.input.value);
        return query ? this.schools.find((option) => option.folded === query) : undefined;
    }

    get isOpen() {
        return this.input.getAttribute("aria-expanded") === "true";
    }

    get visibleOptions() {
        return this.options.filter((option) => !option.element.hidden);
    }

    onInput() {
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
        this.close();
        this.input.focus();
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
    const input = wrapper.querySelector("input[type=text]");
    if (!input || wrapper.classList.contains("combobox-enhanced")) {
        return;
    }
    const listId = input.getAttribute("list");
    const datalist = input.list || (listId && document.getElementById(listId));
    const label =
        (input.id && wrapper.querySelector(`label[for="${CSS.escape(input.id)}"]`)) ||
        wrapper.querySelector("label");
    if (label && datalist) {
        new SchoolCombobox(wrapper, input, datalist, label);
    }
}

document.querySelectorAll("[data-school-combobox]").forEach(enhance);
