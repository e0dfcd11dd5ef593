// kamerlens: the little JavaScript the pages use. Everything works without it; it only
// (1) lights up every fragment of the item you jump to, and (2) lets the legend hide a kind.
"use strict";

(function () {
  function clearTargets() {
    document.querySelectorAll(".hl.is-target").forEach(function (el) {
      el.classList.remove("is-target");
    });
  }

  // An item split around an overlapping one has several fragments sharing data-item.
  function lightUp(id) {
    if (!id) return;
    var first = document.getElementById(id);
    if (!first) return;
    clearTargets();
    var key = first.getAttribute("data-item");
    var parts = key ? document.querySelectorAll('[data-item="' + CSS.escape(key) + '"]') : [first];
    parts.forEach(function (el) { el.classList.add("is-target"); });
  }

  function fromHash() {
    lightUp(decodeURIComponent(location.hash.slice(1)));
  }

  document.addEventListener("DOMContentLoaded", function () {
    window.addEventListener("hashchange", fromHash);
    fromHash();
    document.querySelectorAll(".legend-item").forEach(function (btn) {
      btn.addEventListener("click", function () {
        var kind = btn.getAttribute("data-kind");
        var on = btn.getAttribute("aria-pressed") !== "true";
        btn.setAttribute("aria-pressed", on ? "true" : "false");
        document.body.classList.toggle("hide-" + kind, !on);
      });
    });
  });
})();
