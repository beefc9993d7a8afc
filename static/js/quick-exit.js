/*
 * "Lämna sidan snabbt" on sensitive pages (the "exit this page" pattern).
 *
 * Without JavaScript the button is a plain link to a neutral site. With it, leaving also
 * hides the page at once and replaces it in the history, so Back does not bring it back, and
 * pressing the Shift key three times in a row (within two seconds) does the same.
 *
 * The hint about the Shift key is for those with a keyboard. No browser says whether one is
 * attached, so the hint shows where the main pointer can hover and point finely (a computer
 * with a mouse or trackpad, which has a keyboard) or once a real key is pressed (a tablet with
 * a keyboard). A phone used by touch alone never shows it: there it would only puzzle.
 */

const SHORTCUT_PRESSES = 3;
const SHORTCUT_WINDOW_MS = 2000;
const KEYBOARD_LIKELY = "(hover: hover) and (pointer: fine)";

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
        const showHint = () => {
            hint.hidden = false;
        };
        if (window.matchMedia(KEYBOARD_LIKELY).matches) {
            showHint();
        } else {
            // On-screen keyboards mostly report "Unidentified"; a real key has a name.
            const onKey = (event) => {
                if (event.key && event.key !== "Unidentified") {
                    showHint();
                    document.removeEventListener("keydown", onKey);
                }
            };
            document.addEventListener("keydown", onKey);
        }
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
