// A button marked data-print prints the page (the delegate's badge).
(function () {
  "use strict";

  document.querySelectorAll("button[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
