/*
 * Kennisbank Sleutelpersonen: make Material's menu work with a keyboard.
 *
 * On narrow screens and at 200% zoom, Material opens its menu (the drawer) and the sub-menus with
 * <label for="..."> elements that toggle a hidden checkbox. A label cannot take keyboard focus, so a
 * keyboard user could not open the menu at all (WCAG 2.1.1). This script gives those labels the role
 * and focus of a button and lets Enter and Space work them. Labels that already take focus, or that
 * hold a link, are left alone.
 *
 * A wide table scrolls sideways inside its own box on a small screen. Without a mouse, that box can only
 * scroll when it can take focus (WCAG 2.1.1), so a table box that scrolls gets focus and a name, as
 * Material already does for code blocks. Nothing is loaded from elsewhere.
 */
(function () {
  "use strict";

  var narrow = window.matchMedia("(max-width: 76.2344em)");

  function toggleOf(label) {
    var target = document.getElementById(label.htmlFor);
    return target && target.type === "checkbox" && target.classList.contains("md-toggle") ? target : null;
  }

  function isMenuButton(label) {
    return !label.classList.contains("md-overlay")
      && toggleOf(label) !== null
      && !label.querySelector("a[href], button, input, select, textarea")
      && (label.dataset.kbButton === "yes" || !label.hasAttribute("tabindex"));
  }

  function syncExpanded(label) {
    var target = toggleOf(label);
    if (target && label.getAttribute("role") === "button") {
      label.setAttribute("aria-expanded", String(target.checked));
    }
  }

  function update() {
    var labels = document.querySelectorAll("label[for]");
    Array.prototype.forEach.call(labels, function (label) {
      if (!isMenuButton(label)) {
        return;
      }
      if (narrow.matches) {
        label.dataset.kbButton = "yes";
        label.setAttribute("tabindex", "0");
        label.setAttribute("role", "button");
        if (!label.textContent.trim()) {
          label.dataset.kbNamed = "yes";
          label.setAttribute("aria-label", "Menu");
        }
        syncExpanded(label);
      } else if (label.dataset.kbButton === "yes") {
        label.removeAttribute("tabindex");
        label.removeAttribute("role");
        label.removeAttribute("aria-expanded");
        if (label.dataset.kbNamed === "yes") {
          label.removeAttribute("aria-label");
          delete label.dataset.kbNamed;
        }
        delete label.dataset.kbButton;
      }
    });
  }

  // Opening the menu by keyboard moves focus into it, so the next Tab does not land behind it;
  // Escape closes it again and puts focus back on the menu button.
  function shown(element) {
    return element.checkVisibility ? element.checkVisibility({visibilityProperty: true}) : element.offsetParent !== null;
  }

  function focusMenu() {
    var candidates = document.querySelectorAll(".md-sidebar--primary a[href], .md-sidebar--primary [tabindex='0']");
    var first = Array.prototype.filter.call(candidates, shown)[0];
    if (first) {
      first.focus();
    }
  }

  // While the menu is open on a narrow screen it covers the page like a dialog: the rest of the page
  // takes no focus (inert), so Tab stays in the menu instead of landing on links hidden behind it.
  var OUTSIDE_MENU = ".md-header, [data-md-component=skip], [data-md-component=announce], .md-content, .md-sidebar--secondary, .md-footer";

  function syncInert() {
    var drawer = document.getElementById("__drawer");
    var open = Boolean(drawer && drawer.checked && narrow.matches);
    Array.prototype.forEach.call(document.querySelectorAll(OUTSIDE_MENU), function (element) {
      element.inert = open;
    });
  }

  function closeMenu() {
    var drawer = document.getElementById("__drawer");
    var button = document.querySelector('label.md-header__button[for="__drawer"]');
    if (drawer && drawer.checked && button) {
      button.click();
      syncInert();
      button.focus();
    }
  }

  document.addEventListener("keydown", function (event) {
    var label = event.target;
    if (event.key === "Escape") {
      closeMenu();
      return;
    }
    if (!(label instanceof HTMLLabelElement) || label.dataset.kbButton !== "yes") {
      return;
    }
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      event.stopPropagation();
      label.click();
      if (label.htmlFor === "__drawer" && document.getElementById("__drawer").checked) {
        syncInert();
        focusMenu();
      }
    }
  }, true);

  document.addEventListener("change", function (event) {
    if (event.target instanceof HTMLInputElement && event.target.classList.contains("md-toggle")) {
      Array.prototype.forEach.call(document.querySelectorAll('label[for="' + event.target.id + '"]'), syncExpanded);
      syncInert();
    }
  });

  narrow.addEventListener("change", function () {
    update();
    syncInert();
  });
  update();
  syncInert();

  function headingBefore(element) {
    var headings = document.querySelectorAll(".md-content h1, .md-content h2, .md-content h3");
    var found = null;
    Array.prototype.forEach.call(headings, function (heading) {
      if (heading.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) {
        found = heading;
      }
    });
    return found ? found.textContent.replace(/\s+/g, " ").replace(/¶$/, "").trim() : "";
  }

  function updateTable(box) {
    if (box.scrollWidth > box.clientWidth) {
      var heading = headingBefore(box);
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", heading ? "Tabel bij " + heading + " (schuift opzij)" : "Tabel (schuift opzij)");
    } else {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  }

  function watchTables() {
    var tables = document.querySelectorAll(".md-typeset__scrollwrap");
    if ("ResizeObserver" in window) {
      var observer = new ResizeObserver(function (entries) {
        entries.forEach(function (entry) { updateTable(entry.target); });
      });
      Array.prototype.forEach.call(tables, function (box) { observer.observe(box); });
    }
    Array.prototype.forEach.call(tables, updateTable);
  }

  // Material wraps the tables in their scroll box only once its own script has seen the page
  // (document$), which can be after this script has run.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(watchTables);
  } else {
    watchTables();
  }
})();
