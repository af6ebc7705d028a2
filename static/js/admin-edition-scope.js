'use strict';
// On a new object's form, autocompletes of rooms, people, organisations … ask for the objects of the
// edition chosen in the form's edition select; when the organiser picks another edition, they follow it
// and drop what was chosen from the previous one.
{
    const $ = django.jQuery;

    function withEdition(address, edition) {
        const url = new URL(address, window.location.origin);
        if (edition) {
            url.searchParams.set('edition', edition);
        } else {
            url.searchParams.delete('edition');
        }
        return url.pathname + url.search;
    }

    function follow(select, edition, clear) {
        const address = withEdition(select.getAttribute('data-ajax--url'), edition);
        select.setAttribute('data-ajax--url', address);
        select.setAttribute('data-edition-scoped', edition);
        const $select = $(select);
        // select2 reads its options once: start it again with the new address.
        $select.data('ajax--url', address);
        if ($select.hasClass('select2-hidden-accessible')) {
            $select.select2('destroy');
            $select.djangoAdminSelect2();
        }
        if (clear) {
            $select.val(null).trigger('change');
        }
    }

    $(function() {
        const followers = () => document.querySelectorAll('select[data-edition-follows]');
        const choosers = new Set(Array.from(followers(), (select) => select.dataset.editionFollows));
        choosers.forEach((id) => {
            const chooser = document.getElementById(id);
            if (!chooser) {
                return;
            }
            chooser.addEventListener('change', () => {
                followers().forEach((select) => {
                    // The template row that "Add another" copies follows too, so that new rows do.
                    if (select.dataset.editionFollows === id && select.dataset.editionScoped !== chooser.value) {
                        follow(select, chooser.value, !select.name.includes('__prefix__'));
                    }
                });
            });
        });
    });
}
