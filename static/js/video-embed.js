/*
 * Video blocks: nothing is loaded from the video provider until the visitor asks.
 *
 * The page shows a poster from our own image library, a notice saying where the video comes
 * from and a link to watch it there. This script shows the "Spela upp" button and, when it is
 * pressed, swaps the poster for the provider's player (the page's Content-Security-Policy
 * allows that one provider as a frame source, and nothing else).
 */

function play(figure) {
    const frame = figure.querySelector(".video__frame");
    const iframe = document.createElement("iframe");
    iframe.src = figure.dataset.embedUrl;
    iframe.title = figure.dataset.videoTitle || "";
    iframe.className = "video__player";
    iframe.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    iframe.allowFullscreen = true;
    iframe.referrerPolicy = "strict-origin-when-cross-origin";
    frame.replaceChildren(iframe);
    iframe.focus();
}

for (const figure of document.querySelectorAll("[data-video-embed]")) {
    const button = figure.querySelector(".video__play");
    if (!button || !figure.dataset.embedUrl) {
        continue;
    }
    button.hidden = false;
    button.addEventListener("click", () => play(figure), { once: true });
}
