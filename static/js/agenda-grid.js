// The agenda grid (?view=grid): the page scrolls down and the grid sideways. This keeps a copy of the room
// names at the top of the window while the grid passes under it, follows the grid's sideways scroll, and
// says how many rooms lie off screen to the right (a button that scrolls to them). Without JavaScript the
// room names sit at the top of the grid and the "Go to a room" list still jumps to any room.
// The room picker above the grid: an "All rooms" box that checks or clears every room's (it shows "some" when
// only some are checked). The form itself is plain GET and works without this.
(function () {
  "use strict";

  var form = document.querySelector("[data-room-picker]");
  if (!form) return;
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=room]"));
  var list = form.querySelector(".grid-picker-list");
  var item = document.createElement("li");
  item.className = "form-check grid-picker-all";
  var all = document.createElement("input");
  all.type = "checkbox";
  all.className = "form-check-input";
  all.id = "grid-pick-all";
  var label = document.createElement("label");
  label.className = "form-check-label fw-semibold";
  label.htmlFor = all.id;
  label.textContent = form.getAttribute("data-all-label");
  item.append(all, label);
  list.insertBefore(item, list.firstChild);

  function show() {
    var checked = boxes.filter(function (box) { return box.checked; }).length;
    all.checked = checked === boxes.length;
    all.indeterminate = checked > 0 && checked < boxes.length;
  }
  all.addEventListener("change", function () {
    boxes.forEach(function (box) { box.checked = all.checked; });
  });
  boxes.forEach(function (box) { box.addEventListener("change", show); });
  show();

  // The choice is remembered in this browser (per edition and language) and offered again where the address has
  // none, as after the List view or a link from another page; "show all" forgets it.
  var picker = form.closest(".grid-picker");
  var key = "wic-grid-rooms:" + location.pathname;
  var params = new URLSearchParams(location.search);
  var chosen = params.getAll("room").filter(Boolean);
  var remembered;
  try {
    if (chosen.length) localStorage.setItem(key, JSON.stringify(chosen));
    remembered = JSON.parse(localStorage.getItem(key) || "[]");
  } catch (error) {
    return; // storage switched off: nothing to remember
  }
  picker.querySelectorAll("a[href]").forEach(function (link) {
    if (!new URLSearchParams(link.search).has("room") && link.closest(".grid-rooms") === null) {
      link.addEventListener("click", function () {
        try { localStorage.removeItem(key); } catch (error) { /* nothing kept */ }
      });
    }
  });
  form.addEventListener("submit", function () {
    var checked = boxes.filter(function (box) { return box.checked; }).length;
    if (checked === 0 || checked === boxes.length) {  // every room: no choice to remember
      try { localStorage.removeItem(key); } catch (error) { /* nothing kept */ }
    }
  });
  if (chosen.length || !Array.isArray(remembered) || !remembered.length) return;
  params.delete("room");
  remembered.forEach(function (slug) { params.append("room", String(slug)); });
  var again = document.createElement("a");
  again.className = "btn btn-outline-primary btn-sm grid-my-rooms";
  again.href = "?" + params.toString();
  again.textContent = picker.getAttribute("data-my-rooms").replace("{n}", remembered.length);
  form.closest("details").insertAdjacentElement("afterend", again);
})();

(function () {
  "use strict";

  var frame = document.querySelector("[data-agenda-grid]");
  if (!frame) return;
  var wrap = frame.querySelector(".agenda-grid-wrap");
  var grid = wrap.querySelector(".agenda-grid");
  var rooms = Array.prototype.slice.call(grid.querySelectorAll(".grid-room"));

  // The copy of the room names is for the eye: screen readers and the keyboard use those in the grid itself.
  var head = document.createElement("div");
  head.className = "agenda-grid-head";
  var scroller = document.createElement("div");
  scroller.className = "agenda-grid-head-scroll";
  scroller.setAttribute("aria-hidden", "true");
  var row = document.createElement("div");
  row.className = "agenda-grid agenda-grid-head-row";
  row.style.gridTemplateRows = "auto";
  grid.querySelectorAll(".grid-corner, .grid-room").forEach(function (cell) {
    var copy = cell.cloneNode(true);
    copy.removeAttribute("id");
    copy.querySelectorAll("a").forEach(function (link) { link.tabIndex = -1; });
    row.appendChild(copy);
  });
  scroller.appendChild(row);
  head.appendChild(scroller);

  var more = document.createElement("button");
  more.type = "button";
  more.className = "grid-more btn btn-primary btn-sm";
  more.hidden = true;
  var longText = document.createElement("span"), shortText = document.createElement("span");
  longText.className = "grid-more-long";
  shortText.className = "grid-more-short";
  more.append(longText, shortText);
  head.appendChild(more);
  wrap.parentNode.insertBefore(head, wrap);
  frame.classList.add("has-sticky-head");

  function roomsToTheRight() {
    var edge = wrap.scrollLeft + wrap.clientWidth;
    return rooms.filter(function (room) { return room.offsetLeft + room.offsetWidth / 2 > edge; }).length;
  }

  function update() {
    scroller.scrollLeft = wrap.scrollLeft;
    var hidden = roomsToTheRight();
    more.hidden = hidden === 0;
    if (hidden) {
      var label = frame.getAttribute(hidden === 1 ? "data-more-one" : "data-more-other").replace("{n}", hidden);
      more.setAttribute("aria-label", label);
      longText.textContent = label + " →";
      shortText.textContent = "+" + hidden + " →"; // phones: the room names stay readable under it
    }
    frame.classList.toggle("has-more-right", wrap.scrollLeft + wrap.clientWidth < wrap.scrollWidth - 1);
    frame.classList.toggle("has-more-left", wrap.scrollLeft > 0);
  }

  function fit() {
    row.style.gridTemplateColumns = getComputedStyle(grid).gridTemplateColumns;
    row.style.width = grid.offsetWidth + "px";
    head.style.marginBottom = -head.offsetHeight + "px";
    update();
  }

  more.addEventListener("click", function () {
    var time = grid.querySelector(".grid-corner").offsetWidth;
    wrap.scrollBy({left: wrap.clientWidth - time, behavior: "smooth"});
  });
  wrap.addEventListener("scroll", update, {passive: true});
  window.addEventListener("resize", fit);
  fit();
})();
