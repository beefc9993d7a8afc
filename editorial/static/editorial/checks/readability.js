/*
 * The checks panel's readability as a LIX number with the target for parent guidance
 * (editorial/checks.py). Wagtail computes `lixScore` from the preview's main content and
 * dispatches it with the `w-preview:content` event, then writes "Good", "Fair" or "Complex"
 * into [data-content-readability-score]; we overwrite that right after.
 */
(() => {
    'use strict';

    const script = document.querySelector('script[data-editorial-lix]');
    if (!script) {
        return;
    }
    const target = Number(script.dataset.lixTarget) || 40;
    const messages = {
        hard: script.dataset.lixHard,
        easy: script.dataset.lixEasy,
        short: script.dataset.lixShort,
    };

    // Same as Wagtail's and editorial.checks.lix: words per sentence plus the percentage of
    // words longer than six letters; 0 below ten words. Used if Wagtail's score is missing.
    const lix = (lang, text) => {
        const sentences = Array.from(
            new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(text),
        ).length;
        let count = 0;
        let long = 0;
        for (const { segment, isWordLike } of new Intl.Segmenter(lang, {
            granularity: 'word',
        }).segment(text)) {
            if (isWordLike) {
                count += 1;
                if (segment.length > 6) long += 1;
            }
        }
        return sentences === 0 || count < 10 ? 0 : count / sentences + (long / count) * 100;
    };

    let latest = null;

    const render = () => {
        const element = document.querySelector('[data-content-readability-score]');
        if (!element || latest === null) return;
        const score = Math.round(latest);
        let text = messages.short;
        let warning = false;
        if (latest) {
            warning = score > target;
            text = (warning ? messages.hard : messages.easy).replace('{score}', String(score));
        }
        element.textContent = text;
        element.dataset.lix = String(latest ? score : '');
        element.classList.add('editorial-lix');
        element.classList.toggle('editorial-lix--warning', warning);
    };

    document.addEventListener('w-preview:content', (event) => {
        const { content, metrics } = event.detail || {};
        if (metrics && typeof metrics.lixScore === 'number') {
            latest = metrics.lixScore;
        } else if (content) {
            latest = lix(content.lang || 'sv', content.innerText || '');
        } else {
            return;
        }
        // Wagtail writes its label synchronously after dispatching the event.
        queueMicrotask(render);
    });
})();
