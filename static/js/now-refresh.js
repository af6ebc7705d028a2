// Screens at the venue (/<edition>/now/): reload the boards and the clock every minute without a visible flash.
// Without JavaScript the page's <noscript> refresh reloads it whole.
(function () {
  "use strict";

  var ids = ["now-boards", "now-clock"];
  if (!document.getElementById(ids[0]) || !window.fetch) return;

  setInterval(function () {
    fetch(window.location.href, {headers: {"X-Requested-With": "refresh"}})
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        ids.forEach(function (id) {
          var fresh = doc.getElementById(id), old = document.getElementById(id);
          if (fresh && old) old.replaceWith(fresh);
        });
      })
      .catch(function () {}); // offline for a moment: the boards stay as they are until the next minute
  }, 60000);
})();
