/*
 * "Lämna sidan snabbt" on sensitive pages (the "exit this page" pattern).
 *
 * Without JavaScript the button is a plain link to a neutral site. With it, leaving also
 * hides the page at once and replaces it in the history, so Back does not bring it back, and
 * pressing the Shift key three times in a row (within two seconds) does the same.
 */

const SHORTCUT_PRESSES = 3;
const SHORTCUT_WINDOW_MS = 2000;

function leave(url) {
    document.body.hidden = true;
    document.title = "";
    window.location.replace(url);
}

function enhance(link) {
    const url = link.href;
    link.addEventListener("click", (event) => {
        event.preventDefault();
        leave(url);
    });

    const hint = link.parentElement.querySelector("[data-quick-exit-hint]");
    if (hint) {
        hint.hidden = false;
    }

    let presses = [];
    document.addEventListener("keyup", (event) => {
        if (event.key !== "Shift") {
            presses = [];
            return;
        }
        const now = Date.now();
        presses = presses.filter((time) => now - time < SHORTCUT_WINDOW_MS);
        presses.push(now);
        if (presses.length >= SHORTCUT_PRESSES) {
            leave(url);
        }
    });
}

const link = document.querySelector("[data-quick-exit]");
if (link) {
    enhance(link);
}
