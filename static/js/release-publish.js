'use strict';
// The admin's “Publish a release” form (templates/admin/agenda/release/publish_form.html).
// - The preview below the form is of the chosen edition: choosing another reloads the page with its own
//   preview, and the notes typed so far (in either language) come back in their fields.
// - A form sent twice (a double click, an impatient second click) would ask for a second release: once sent,
//   it is not sent again until the page is shown anew.
{
    const STORE_KEY = 'release-publish-notes';

    function noteFields(form) {
        return Array.from(form.querySelectorAll('textarea[name^="note"]'));
    }

    function keepNotes(fields, query) {
        const notes = {};
        fields.forEach((field) => { notes[field.name] = field.value; });
        try {
            window.sessionStorage.setItem(STORE_KEY, JSON.stringify(notes));
        } catch (error) {
            // No storage (a private window may refuse it): the address carries them, as the form's initial values.
            Object.entries(notes).forEach(([name, value]) => { if (value) query.set(name, value); });
        }
    }

    function restoreNotes(fields) {
        let notes = null;
        try {
            notes = JSON.parse(window.sessionStorage.getItem(STORE_KEY) || 'null');
            window.sessionStorage.removeItem(STORE_KEY);
        } catch (error) {
            return;
        }
        if (!notes) {
            return;
        }
        fields.forEach((field) => {
            if (!field.value && notes[field.name]) {
                field.value = notes[field.name];
            }
        });
    }

    function start() {
        const edition = document.getElementById('id_edition');
        const form = edition && edition.form;
        if (!form) {
            return;
        }
        restoreNotes(noteFields(form));

        edition.addEventListener('change', () => {
            const query = new URLSearchParams(window.location.search);
            query.set('edition', edition.value);
            keepNotes(noteFields(form), query);
            window.location.search = query.toString();
        });

        let sent = false;
        form.addEventListener('submit', (event) => {
            if (sent) {
                event.preventDefault();
                return;
            }
            sent = true;
        });
        // Back to the page from the browser's history: it may be sent again.
        window.addEventListener('pageshow', () => { sent = false; });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}
