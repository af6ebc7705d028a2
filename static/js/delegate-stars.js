// The delegate's personal page: compares the sessions starred in this browser (kept in localStorage under
// "wicplanner:stars:<edition slug>" as a JSON array of session ids) with the ones saved to the registration,
// says plainly whether they match, offers to save the ones only this device has and to star here the ones
// only the saved agenda has; removing a saved star unstars it here too. It also copies the calendar address.
// Without JavaScript the comparison stays hidden (there is nothing to read), Remove still works on the
// server, and the address is selected by hand. Every text it shows comes from the page.
(function () {
  "use strict";

  function storageAvailable() {
    try {
      return Boolean(window.localStorage);
    } catch (error) {
      return false; // storage blocked (private mode, settings): this browser keeps no stars to compare
    }
  }

  function readStars(key) {
    try {
      var value = JSON.parse(window.localStorage.getItem(key) || "[]");
      if (!Array.isArray(value)) return [];
      return value.filter(function (id) { return Number.isInteger(id) && id > 0; });
    } catch (error) {
      return []; // storage refused (private mode) or not JSON: nothing starred here
    }
  }

  function writeStars(key, ids) {
    try {
      window.localStorage.setItem(key, JSON.stringify(ids));
    } catch (error) {
      // storage full or refused: the saved agenda is unchanged, this device simply keeps no stars
    }
  }

  function countText(element, count) {
    var text = count === 1 ? element.dataset.one : element.dataset.other;
    element.textContent = text.replace("{n}", String(count));
  }

  var panel = document.querySelector("[data-delegate-stars]");
  var dataElement = document.getElementById("delegate-stars-data");
  if (panel && dataElement && storageAvailable()) {
    var key = panel.dataset.storageKey;
    var data = JSON.parse(dataElement.textContent);
    var saved = new Set(data.saved);
    // Stars of sessions no longer in the programme can be neither saved nor shown: they are left out.
    var starrable = new Set(data.starrable);
    var form = panel.querySelector("form.save-stars");

    var show = function () {
      var device = readStars(key).filter(function (id) { return starrable.has(id); });
      var onDevice = new Set(device);
      var extra = device.filter(function (id) { return !saved.has(id); });
      var missing = Array.from(saved).filter(function (id) { return !onDevice.has(id); });
      var states = {
        none: device.length === 0 && saved.size === 0,
        same: device.length > 0 && extra.length === 0 && missing.length === 0,
        extra: extra.length > 0,
        missing: missing.length > 0,
      };
      panel.querySelectorAll("[data-device-state]").forEach(function (element) {
        element.hidden = !states[element.dataset.deviceState];
      });
      countText(form.querySelector("[data-count-text]"), extra.length);
      countText(panel.querySelector("[data-device-state=missing] [data-count-text]"), missing.length);
      form.elements.stars.value = JSON.stringify(extra);
      panel.hidden = false;
    };

    panel.querySelector("[data-star-saved]").addEventListener("click", function () {
      var current = readStars(key);
      var here = new Set(current);
      writeStars(key, current.concat(Array.from(saved).filter(function (id) { return !here.has(id); })));
      show();
    });
    // Starred or unstarred in another tab: compare again.
    window.addEventListener("storage", function (event) {
      if (event.key === key) show();
    });

    // Removing a saved star unstars the session on this device too; the form then goes to the server as usual.
    document.querySelectorAll("form[data-unstar-form]").forEach(function (remove) {
      remove.addEventListener("submit", function () {
        var id = parseInt(remove.elements.session.value, 10);
        var current = readStars(key);
        if (current.indexOf(id) !== -1) {
          writeStars(key, current.filter(function (star) { return star !== id; }));
        }
      });
    });
    show();
  }

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
