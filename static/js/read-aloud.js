/*
 * "Lyssna": reads the page's main content aloud with the browser's own speech synthesis, in
 * the page's language (<html lang>). No read-aloud service, no request leaves the site.
 *
 * The button is in the HTML with `hidden`; it is shown only where the browser has a voice
 * for the page's language (voices may arrive late: "voiceschanged"). It is a real button, so
 * Enter and Space work; pressed again, or with Escape, it stops. Leaving the page stops too.
 */

function voiceFor(language) {
    const primary = language.toLowerCase().split("-")[0];
    const voices = window.speechSynthesis.getVoices();
    return (
        voices.find((voice) => voice.lang.toLowerCase() === language.toLowerCase()) ||
        voices.find((voice) => voice.lang.toLowerCase().split(/[-_]/)[0] === primary) ||
        null
    );
}

function textOf(main) {
    const copy = main.cloneNode(true);
    copy.querySelectorAll("[data-read-aloud-skip], nav, script, [hidden]").forEach((node) => {
        node.remove();
    });
    return copy.innerText || copy.textContent || "";
}

function enhance(wrapper) {
    const button = wrapper.querySelector("button");
    const label = button.querySelector("[data-read-aloud-label]");
    const startText = button.dataset.startLabel;
    const stopText = button.dataset.stopLabel;
    const language = document.documentElement.lang || "sv";
    const main = document.getElementById("main");
    const synth = window.speechSynthesis;

    const setReading = (reading) => {
        button.setAttribute("aria-pressed", reading ? "true" : "false");
        label.textContent = reading ? stopText : startText;
    };

    const stop = () => {
        synth.cancel();
        setReading(false);
    };

    const start = () => {
        const voice = voiceFor(language);
        if (!voice) {
            return;
        }
        synth.cancel();
        const utterance = new SpeechSynthesisUtterance(textOf(main));
        utterance.lang = voice.lang;
        utterance.voice = voice;
        utterance.addEventListener("end", () => setReading(false));
        utterance.addEventListener("error", () => setReading(false));
        synth.speak(utterance);
        setReading(true);
    };

    button.addEventListener("click", () => {
        if (button.getAttribute("aria-pressed") === "true") {
            stop();
        } else {
            start();
        }
    });
    document.addEventListener("keydown", (event) => {
        if (event.key === "Escape" && button.getAttribute("aria-pressed") === "true") {
            stop();
        }
    });
    window.addEventListener("pagehide", stop);

    const showIfVoice = () => {
        wrapper.hidden = !voiceFor(language);
    };
    showIfVoice();
    synth.addEventListener("voiceschanged", showIfVoice);
}

if ("speechSynthesis" in window && "SpeechSynthesisUtterance" in window) {
    document.querySelectorAll("[data-read-aloud]").forEach(enhance);
}
