// The delegate's personal page: offers to save the sessions starred in this browser (kept in localStorage
// under "wicplanner:stars:<edition slug>" as a JSON array of session ids), and copies the calendar address.
// Without JavaScript the save form stays hidden (there is nothing to read) and the address is selected by hand.
(function () {
  "use strict";

  function readStars(key) {
    try {
      var value = JSON.parse(window.localStorage.getItem(key) || "[]");
      if (!Array.isArray(value)) return [];
      return value.filter(function (id) { return Number.isInteger(id) && id > 0; });
    } catch (error) {
      return []; // storage refused (private mode) or not JSON: nothing starred here
    }
  }

  document.querySelectorAll("form[data-delegate-stars]").forEach(function (form) {
    var stars = readStars(form.dataset.storageKey);
    form.elements.stars.value = JSON.stringify(stars);
    var count = form.querySelector("[data-stars-count]");
    if (count) {
      count.textContent = stars.length
        ? count.dataset.some + " " + stars.length
        : count.dataset.none;
    }
    form.querySelector("button[type=submit]").disabled = stars.length === 0;
    form.hidden = false;
  });

  document.querySelectorAll("button[data-copy-target]").forEach(function (button) {
    var field = document.getElementById(button.dataset.copyTarget);
    if (!field || !navigator.clipboard) return; // no clipboard (an insecure origin): the field can be selected
    var label = button.textContent;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(function () {
        button.textContent = button.dataset.copied;
        window.setTimeout(function () { button.textContent = label; }, 2000);
      }, function () {
        field.select();
      });
    });
    button.hidden = false;
  });

  // A click in the address selects all of it, ready to copy by hand.
  document.querySelectorAll("#calendar-address").forEach(function (field) {
    field.addEventListener("focus", function () { field.select(); });
  });
})();
