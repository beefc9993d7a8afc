/*
 * Evaluate functions of the editorial content checks (editorial/checks.py).
 *
 * Loaded by Wagtail's user bar (as the Media of EditorialContentChecker) right after
 * Wagtail's userbar.js, in the user bar on the site and in the editor's preview, where axe
 * runs. The checks' options (word list, missing owner or review date) come from Python in the
 * axe configuration. Registered through Wagtail's `registerCheck` API before axe is
 * configured on window load.
 */
(() => {
    'use strict';

    const userbar = window.wagtail && window.wagtail.userbar;
    if (!userbar || typeof userbar.registerCheck !== 'function') {
        return;
    }

    // Letters only, lower-case, as editorial.checks.link_text_words does.
    const words = (text) =>
        ((text || '').toLocaleLowerCase('sv').match(/\p{L}+/gu) || []);

    const accessibleName = (node, virtualNode) => {
        try {
            return window.axe.commons.text.accessibleTextVirtual(virtualNode);
        } catch (error) {
            return node.getAttribute('aria-label') || node.textContent || '';
        }
    };

    // Passes unless the link's accessible name consists only of vague words ("klicka här",
    // "läs mer", "här"). An empty name is axe's link-name rule's business.
    userbar.registerCheck('editorial-check-link-text', (node, options, virtualNode) => {
        const vague = new Set((options && options.words) || []);
        const name = words(accessibleName(node, virtualNode));
        return name.length === 0 || !name.every((word) => vague.has(word));
    });

    // Page-level checks: the server knows whether the page has an owner and a review date.
    const pageCheck = (node, options) => !(options && options.missing);
    userbar.registerCheck('editorial-check-page-owner', pageCheck);
    userbar.registerCheck('editorial-check-page-review-date', pageCheck);
})();
