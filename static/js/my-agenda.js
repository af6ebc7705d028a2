'use strict';
// Stars for "My agenda": kept in this browser (localStorage, one list of session ids per edition), never
// sent to the server except as the address of the My agenda page (?s=3-17-42). Pages are the same for
// everyone; this script reveals the stars and the My agenda tools. Every text it shows comes from the page.
(function () {
    const setup = document.getElementById('star-setup');
    if (!setup) {
        return;
    }
    const edition = setup.dataset.edition;
    const storageKey = 'wicplanner:stars:' + edition;
    const labels = {add: setup.dataset.add, remove: setup.dataset.remove};

    function storage() {
        try {
            return window.localStorage;
        } catch (error) {
            return null; // storage blocked (private mode, settings): no stars offered
        }
    }

    function cleanIds(values) {
        const seen = new Set();
        const ids = [];
        for (const value of values) {
            const id = typeof value === 'number' ? value : parseInt(String(value), 10);
            if (Number.isSafeInteger(id) && id > 0 && !seen.has(id)) {
                seen.add(id);
                ids.push(id);
            }
        }
        return ids;
    }

    function readStars() {
        try {
            const value = JSON.parse(storage().getItem(storageKey) || '[]');
            return Array.isArray(value) ? cleanIds(value) : [];
        } catch (error) {
            return [];
        }
    }

    function writeStars(ids) {
        try {
            storage().setItem(storageKey, JSON.stringify(cleanIds(ids)));
        } catch (error) {
            // storage full or blocked: the page keeps working, the stars are simply not kept
        }
    }

    function selectionValue(ids) {
        return cleanIds(ids).sort(function (a, b) { return a - b; }).join('-');
    }

    function sameIds(first, second) {
        return selectionValue(first) === selectionValue(second);
    }

    function myAgendaAddress(ids) {
        return setup.dataset.myAgenda + '?s=' + selectionValue(ids);
    }

    if (!storage()) {
        return;
    }
    document.documentElement.classList.add('stars-on');

    // Star buttons (agenda list and grid, session page) and the "My agenda (N)" links.
    function showStars() {
        const stars = new Set(readStars());
        for (const button of document.querySelectorAll('[data-star]')) {
            const on = stars.has(parseInt(button.dataset.star, 10));
            button.setAttribute('aria-pressed', on ? 'true' : 'false');
            const label = button.querySelector('.star-label');
            if (label) {
                label.textContent = on ? labels.remove : labels.add;
            }
            button.hidden = false;
        }
        for (const link of document.querySelectorAll('[data-my-agenda-link]')) {
            link.href = stars.size ? myAgendaAddress(Array.from(stars)) : setup.dataset.myAgenda;
            const count = link.querySelector('[data-star-count]');
            if (count) {
                count.textContent = String(stars.size);
            }
            link.hidden = false;
        }
        // The calendar file of exactly these stars; with none there is nothing to put in a calendar.
        for (const link of document.querySelectorAll('[data-my-agenda-ics]')) {
            link.href = link.dataset.myAgendaIcs + '?s=' + selectionValue(Array.from(stars));
            link.hidden = stars.size === 0;
        }
    }

    document.addEventListener('click', function (event) {
        const button = event.target.closest('[data-star]');
        if (!button) {
            return;
        }
        const id = parseInt(button.dataset.star, 10);
        const stars = readStars();
        const on = stars.includes(id);
        writeStars(on ? stars.filter(function (star) { return star !== id; }) : stars.concat([id]));
        showStars();
    });
    // Another tab starred something: follow it.
    window.addEventListener('storage', function (event) {
        if (event.key === storageKey) {
            showStars();
        }
    });
    showStars();

    // The My agenda page.
    const dataElement = document.getElementById('my-agenda-data');
    if (!dataElement) {
        return;
    }
    const shown = JSON.parse(dataElement.textContent).ids;
    const params = new URLSearchParams(window.location.search);
    const stars = readStars();

    if (!params.has('s')) {
        // Opened from a menu or a bookmark: show this device's stars.
        if (stars.length) {
            window.location.replace(myAgendaAddress(stars));
        }
        return;
    }
    // The ids the address asks for (some may have left the programme since they were starred).
    const asked = cleanIds((params.get('s') || '').split('-').filter(function (part) { return /^\d+$/.test(part); }));
    const showsMine = sameIds(asked, stars);

    const showMine = document.querySelector('[data-show-mine]');
    if (showMine && stars.length && !showsMine) {
        showMine.querySelector('a').href = myAgendaAddress(stars);
        showMine.hidden = false;
    }

    // Just added or replaced from a shared link: confirm it once.
    const keptNote = document.querySelector('[data-kept-note]');
    let kept = null;
    try {
        kept = window.sessionStorage.getItem('wicplanner:kept');
        window.sessionStorage.removeItem('wicplanner:kept');
    } catch (error) {
        kept = null;
    }
    if (keptNote && kept) {
        keptNote.textContent = kept === 'replace' ? keptNote.dataset.replaced : keptNote.dataset.added;
        keptNote.hidden = false;
    }

    // A shared link whose sessions are all starred here already has nothing to add: a note, not an offer.
    const starredHere = new Set(stars);
    const toAdd = shown.filter(function (id) { return !starredHere.has(id); });
    const allStarred = document.querySelector('[data-all-starred]');
    if (allStarred && shown.length && !showsMine && !toAdd.length) {
        allStarred.querySelector('[data-all-mine-link]').href = myAgendaAddress(stars);
        allStarred.hidden = false;
    }

    const offer = document.querySelector('[data-keep-offer]');
    if (offer && toAdd.length && !showsMine) {
        offer.hidden = false;
        const replace = offer.querySelector('[data-keep="replace"]');
        // With no stars of its own, keeping and replacing are the same: one button.
        replace.hidden = stars.length === 0;
        offer.addEventListener('click', function (event) {
            const button = event.target.closest('[data-keep]');
            if (!button) {
                return;
            }
            const kept = button.dataset.keep === 'replace' ? shown : readStars().concat(shown);
            writeStars(kept);
            // Said on the page that opens next: the offer is gone there, so say what became of it.
            try {
                window.sessionStorage.setItem('wicplanner:kept', button.dataset.keep);
            } catch (error) {
                // storage refused: the page simply shows the stars without the note
            }
            window.location.replace(myAgendaAddress(kept));
        });
    }

    for (const button of document.querySelectorAll('[data-remove]')) {
        button.hidden = false;
        button.addEventListener('click', function () {
            const id = parseInt(button.dataset.remove, 10);
            const current = readStars();
            // The page shows this device's stars: removing here unstars. A shared selection only changes the address.
            if (sameIds(asked, current)) {
                writeStars(current.filter(function (star) { return star !== id; }));
            }
            window.location.replace(myAgendaAddress(asked.filter(function (other) { return other !== id; })));
        });
    }

    const copy = document.querySelector('[data-copy]');
    if (copy) {
        const field = document.getElementById(copy.dataset.copy);
        const status = document.querySelector('[data-copy-status]');
        copy.hidden = false;
        copy.addEventListener('click', function () {
            field.select();
            const done = function () { status.textContent = copy.dataset.copied; };
            const failed = function () { status.textContent = copy.dataset.copyFailed; };
            if (navigator.clipboard && window.isSecureContext) {
                navigator.clipboard.writeText(field.value).then(done, failed);
            } else {
                try {
                    (document.execCommand('copy') ? done : failed)();
                } catch (error) {
                    failed();
                }
            }
        });
    }
}());
