// Live preview updates: patch only the top-level blocks that changed, so the page never
// reloads, the scroll position stays, and embedded players that did not change keep playing.
"use strict";
window.smugdesk = (function () {
  function same(a, b) {
    if (a.nodeType !== b.nodeType) return false;
    return a.nodeType === Node.ELEMENT_NODE ? a.outerHTML === b.outerHTML : a.nodeValue === b.nodeValue;
  }

  function patch(container, html) {
    const template = document.createElement("template");
    template.innerHTML = html;
    const next = Array.from(template.content.childNodes);
    const current = Array.from(container.childNodes);
    let start = 0;
    while (start < current.length && start < next.length && same(current[start], next[start])) start++;
    let endCurrent = current.length - 1;
    let endNext = next.length - 1;
    while (endCurrent >= start && endNext >= start && same(current[endCurrent], next[endNext])) {
      endCurrent--;
      endNext--;
    }
    const before = current[endCurrent + 1] || null;
    for (let i = start; i <= endCurrent; i++) container.removeChild(current[i]);
    for (let i = start; i <= endNext; i++) container.insertBefore(next[i], before);
    return (endCurrent - start + 1) + (endNext - start + 1);
  }

  function setText(id, text) {
    const node = document.getElementById(id);
    if (node.textContent !== text) node.textContent = text;
  }

  function problem(text) {
    let banner = document.getElementById("sd-problem");
    if (!banner) {
      banner = document.createElement("div");
      banner.id = "sd-problem";
      banner.setAttribute("role", "alert");
      document.body.insertBefore(banner, document.body.firstChild);
    }
    banner.textContent = text;
    banner.hidden = !text;
  }

  // A link to another draft (post:slug) cannot be navigated to; the window is told instead,
  // through the console channel Qt hands to the page object.
  document.addEventListener("click", function (event) {
    const link = event.target.closest && event.target.closest('a[href^="post:"]');
    if (!link) return;
    event.preventDefault();
    console.info("smugdesk:open-post:" + link.getAttribute("href").slice(5));
  });

  return {
    setTheme: function (dark) {
      document.documentElement.classList.toggle("dark", dark);
      return dark;
    },
    update: function (data) {
      setText("sd-title", data.title);
      setText("sd-date", data.date_text);
      document.getElementById("sd-date").setAttribute("datetime", data.date_iso);
      document.title = data.title;
      problem(data.problem);
      const changed = patch(document.getElementById("sd-body"), data.body);
      document.body.dataset.generation = String(data.generation);
      return changed;
    },
  };
})();
