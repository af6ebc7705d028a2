// The check-in desk: the "Checked in" box asks for fresh counts every few seconds (its data-url, every
// data-refresh seconds) while the tab is visible. Its texts come translated in data-updating and data-updated-at.
(function () {
  "use strict";

  var box = document.getElementById("checkin-counts");
  if (!box || !window.fetch) return;
  var rows = box.querySelector("[data-rows]");
  var note = box.querySelector("[data-updated]");
  var every = (parseInt(box.dataset.refresh, 10) || 10) * 1000;

  function cell(tag, text, cls) {
    var el = document.createElement(tag);
    if (cls) el.className = cls;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function show(data) {
    box.querySelector("[data-total-checked-in]").textContent = data.checked_in;
    box.querySelector("[data-total-expected]").textContent = data.expected;
    rows.replaceChildren();
    if (!data.categories.length) {
      var empty = document.createElement("tr");
      var only = cell("td", rows.dataset.empty, "text-body-secondary");
      only.colSpan = 2;
      empty.append(only);
      rows.append(empty);
    }
    data.categories.forEach(function (c) {
      var tr = document.createElement("tr");
      tr.style.setProperty("--category", c.colour);
      var th = cell("th", undefined, "fw-normal");
      th.scope = "row";
      var dot = cell("span", "", "category-dot");
      dot.setAttribute("aria-hidden", "true");
      th.append(dot, c.label);
      var td = cell("td", undefined, "num");
      td.append(cell("strong", String(c.checked_in)), " / " + c.expected);
      tr.append(th, td);
      rows.append(tr);
    });
    note.textContent = note.dataset.updatedAt + " " +
      new Date().toLocaleTimeString([], {hour: "2-digit", minute: "2-digit", second: "2-digit"});
  }

  function poll() {
    if (document.hidden) return;
    fetch(box.dataset.url, {credentials: "same-origin", headers: {"Accept": "application/json"}, cache: "no-store"})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data && data.categories) show(data); })
      .catch(function () {});
  }

  note.textContent = note.dataset.updating;
  setInterval(poll, every);
  document.addEventListener("visibilitychange", poll);
})();
