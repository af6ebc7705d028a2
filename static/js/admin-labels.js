// Names the admin controls Django draws without a label of their own, for screen readers: the date and the
// time of a date-time field, the inputs in a tabular inline's rows (by their column), and the box select2
// draws over an autocomplete (like its select).
(function () {
  "use strict";

  function text(element) {
    return element ? element.textContent.replace(/\s+/g, " ").replace(/[\s:：*]+$/, "").trim() : "";
  }

  function columnName(control) {
    var cell = control.closest("td");
    var table = cell && cell.closest("table");
    var head = table && table.tHead && table.tHead.rows[0] && table.tHead.rows[0].cells[cell.cellIndex];
    return text(head);
  }

  function fieldName(control) {
    if (control.id) {
      var label = document.querySelector('label[for="' + CSS.escape(control.id) + '"]');
      if (label && text(label)) return text(label);
    }
    var box = control.closest(".fieldBox, .form-row, fieldset");
    var caption = box && box.querySelector("label, legend");
    return text(caption) || columnName(control);
  }

  function isNamed(control) {
    if (control.getAttribute("aria-label")) return true;
    if (control.id && document.querySelector('label[for="' + CSS.escape(control.id) + '"]')) return true;
    return Boolean(control.closest("label"));
  }

  function nameControls() {
    document.querySelectorAll("p.datetime input").forEach(function (input) {
      if (input.getAttribute("aria-label")) return;
      var part = input.previousSibling;
      while (part && part.nodeType !== Node.TEXT_NODE) part = part.previousSibling;
      var field = columnName(input) || fieldName(input.closest("p.datetime"));
      input.setAttribute("aria-label", [field, text(part)].filter(Boolean).join(" · "));
    });
    document.querySelectorAll(".tabular td input, .tabular td select, .tabular td textarea").forEach(function (control) {
      if (control.type === "hidden" || isNamed(control)) return;
      var column = columnName(control);
      if (column) control.setAttribute("aria-label", column);
    });
    document.querySelectorAll("select + .select2-container .select2-selection").forEach(function (box) {
      var select = box.closest(".select2-container").previousElementSibling;
      var name = isNamed(select) && select.getAttribute("aria-label") || fieldName(select);
      if (!name) return;
      box.setAttribute("aria-label", name);
      box.querySelectorAll("[role=textbox], .select2-search__field").forEach(function (part) {
        part.setAttribute("aria-label", name);
      });
    });
  }

  // select2 draws its boxes when a page has loaded, when an inline adds a row and when a choice is made.
  var pending = false;
  function soon() {
    if (pending) return;
    pending = true;
    window.setTimeout(function () { pending = false; nameControls(); }, 0);
  }
  window.addEventListener("load", function () {
    nameControls();
    new MutationObserver(soon).observe(document.body, {childList: true, subtree: true});
  });
})();
