// Live preview updates: patch only the top-level blocks that changed, so the page never
// reloads, the scroll position stays, and embedded players that did not change keep playing.
//
// This script runs in an isolated world (QWebEngineScript.ApplicationWorld): it shares the
// page's DOM but none of its JavaScript, so a post's own scripts (off unless the writer
// turned them on for that post) cannot see or call it, nor learn NONCE, which every
// message to the app carries. The app fills in the two values below for each page.
"use strict";
window.smugdesk = (function () {
  const NONCE = "{{nonce}}";
  const RUN_POST_SCRIPTS = {{run_post_scripts}};

  function send(kind, value) {
    console.info("smugdesk:" + NONCE + ":" + kind + ":" + value);
  }
  // The body is a row of parts, each the HTML of one chunk of the source, each after a
  // marker comment that knows the part's first source line. An update replaces only the
  // parts that changed: the page never reloads, the scroll stays, and an embedded player
  // in a part that did not change keeps playing. Blocks carry data-line relative to
  // their part, so a line added above changes no part below.
  const MARK = "sd";
  let markers = [];
  let partStarts = [];

  function body() {
    return document.getElementById("sd-body");
  }

  // Each edit is [at, remove, insert]; they are applied from the last, so each one's
  // place is as the app counted it.
  function replaceAll(edits, starts) {
    if (!markers.length) body().textContent = "";  // the first parts, or after a whole
    let changed = 0;
    for (let i = edits.length - 1; i >= 0; i--) changed += replaceParts(...edits[i]);
    if (starts) partStarts = starts;  // sent only when a part's first line moved
    markers.forEach((marker, i) => { marker.sdStart = partStarts[i]; });
    return changed;
  }

  function replaceParts(at, remove, insert) {
    const container = body();
    const end = markers[at + remove] || null;
    let node = markers[at] || null;
    while (node && node !== end) {
      const next = node.nextSibling;
      container.removeChild(node);
      node = next;
    }
    const template = document.createElement("template");
    const added = [];
    for (const html of insert) {
      const marker = document.createComment(MARK);
      container.insertBefore(marker, end);
      added.push(marker);
      marker.sdPending = html === null;
      if (html === null) continue;  // not rendered yet (a long post's first render)
      template.innerHTML = html;
      disarm(template.content);
      const scripts = postScripts(template.content);
      container.insertBefore(template.content, end);
      scripts.forEach(revive);
    }
    template.innerHTML = "";  // the last part's nodes are in the page; no copy is kept
    markers.splice(at, remove, ...added);
    return remove + insert.length;
  }

  // The block at the top of the window and where it is, to keep it there while the rest
  // of a long post arrives above it (Chromium's own scroll anchoring does nothing at the
  // page's top, where a post opened in its middle first shows its part). The same block
  // and place for every update until the reader scrolls: scroll offsets are whole pixels,
  // and measuring afresh each time would add up their rounding.
  let held = null;

  function anchor() {
    if (held && held.node.isConnected && window.scrollY === held.scrollY) return held;
    held = null;
    const box = body().getBoundingClientRect();
    const x = box.left + Math.min(24, box.width / 2);
    for (let y = Math.max(0, box.top) + 1; y < Math.min(box.bottom, window.innerHeight); y += 16) {
      let node = document.elementFromPoint(x, y);
      while (node && node.parentNode !== body()) node = node.parentNode;
      if (node) {
        held = { node: node, top: node.getBoundingClientRect().top };
        return held;
      }
    }
    return null;
  }

  function keep(place) {
    if (!place) {
      held = null;
      return;
    }
    if (!place.node.isConnected) return;
    const moved = place.node.getBoundingClientRect().top - place.top;
    if (moved) window.scrollBy(0, moved);
    place.scrollY = window.scrollY;
  }

  // Top-level blocks with their absolute source line, in page order.
  function blocks() {
    const found = [];
    let base = 0;
    for (const node of body().childNodes) {
      if (node.nodeType === Node.COMMENT_NODE && node.data === MARK) base = node.sdStart;
      else if (node.nodeType === Node.ELEMENT_NODE && node.hasAttribute("data-line") && base >= 0)
        found.push({ block: node, start: base + Number(node.getAttribute("data-line")) });
    }
    return found;
  }

  function lineOf(block) {
    let node = block.previousSibling;
    while (node && !(node.nodeType === Node.COMMENT_NODE && node.data === MARK)) node = node.previousSibling;
    return (node ? node.sdStart : 0) + Number(block.getAttribute("data-line"));
  }

  // Scroll so that source line ``line`` is at the top: between the blocks that start at or
  // before it and after it, in proportion.
  // A line asked for (the editor's place, a post just opened) in a part not rendered yet:
  // the page goes there once it arrives, unless the reader has moved meanwhile.
  let wantedLine = null;

  function partAt(line) {
    let low = 0;
    let high = markers.length - 1;
    let found = null;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const start = markers[middle].sdStart;
      if (start >= 0 && start <= line) {
        found = markers[middle];
        low = middle + 1;
      } else high = middle - 1;  // after it, or the footnotes (-1, always last)
    }
    return found;
  }

  function pendingAt(line) {
    const part = partAt(line);
    return Boolean(part && part.sdPending);
  }

  for (const kind of ["wheel", "keydown", "mousedown", "touchstart"])
    window.addEventListener(kind, () => { wantedLine = null; }, { capture: true, passive: true });

  function scrollToLine(line) {
    wantedLine = pendingAt(line) ? line : null;
    const marked = blocks();
    if (!marked.length) return;
    let before = null;
    let after = null;
    for (const item of marked) {
      if (item.start <= line) before = item;
      else { after = item; break; }
    }
    const top = (node) => node.getBoundingClientRect().top + window.scrollY;
    let y;
    if (!before) y = 0;
    else if (!after) y = top(before.block) + (line - before.start) * 20;
    else {
      const share = (line - before.start) / Math.max(1, after.start - before.start);
      y = top(before.block) + share * (top(after.block) - top(before.block));
    }
    const target = Math.max(0, y - 12);
    window.scrollTo(0, target);
    // Too near the end of a page still filling in to be at the top yet: again later.
    if (window.scrollY < target - 1 && markers.some((marker) => marker.sdPending))
      wantedLine = line;
    return y;
  }

  // Keep source line ``line`` in view with as little movement as possible (the writer's
  // caret while typing): nothing moves while its block is on screen. ``end``: the caret is
  // in the post's last block, so the page's end is shown.
  function revealLine(line, end) {
    wantedLine = null;
    if (end) return scrollToEnd();
    const marked = blocks();
    let found = null;
    for (const item of marked) {
      if (item.start <= line) found = item;
      else break;
    }
    if (!found) {  // above the first block (the front matter): the page's top
      window.scrollTo(0, 0);
      return 0;
    }
    const box = found.block.getBoundingClientRect();
    const margin = 12;
    let y = window.scrollY;
    if (box.top < margin) y += box.top - margin;
    // Below the window: its end comes into view (where a paragraph grows while typing).
    else if (box.bottom > window.innerHeight - margin) y += box.bottom - window.innerHeight + margin;
    if (y !== window.scrollY) window.scrollTo(0, Math.max(0, y));
    return y;
  }

  function scrollToEnd() {
    wantedLine = null;
    const limit = document.documentElement.scrollHeight - window.innerHeight;
    window.scrollTo(0, Math.max(0, limit));
    return limit;
  }

  // With remote content allowed, a player needs the network. Offline, each shows a card
  // with its title and address instead of the browser's error page; back online, the
  // player loads again.
  const OFFLINE = "sd-offline";

  function followNetwork() {
    const offline = !navigator.onLine;
    for (const frame of body().querySelectorAll(".embed > iframe")) {
      const box = frame.parentNode;
      const card = box.querySelector(":scope > ." + OFFLINE);
      if (offline && !card) {
        box.appendChild(offlineCard(frame));
        frame.hidden = true;
        box.style.aspectRatio = "auto";
        box.style.background = "none";
      } else if (!offline && card) {
        card.remove();
        box.style.aspectRatio = "";
        box.style.background = "";
        frame.hidden = false;
        frame.src = frame.getAttribute("src");  // its error page goes, the player loads
      }
    }
  }

  function offlineCard(frame) {
    const card = document.createElement("div");
    card.className = "embed-card " + OFFLINE;
    const title = document.createElement("span");
    title.className = "embed-provider";
    title.textContent = frame.title || "Embedded content";
    const note = document.createElement("span");
    note.className = "embed-note";
    note.textContent = "No network: it plays here once you are online.";
    const link = document.createElement("a");
    link.className = "embed-url";
    link.href = frame.getAttribute("src");
    link.textContent = frame.getAttribute("src");
    card.append(title, note, link);
    return card;
  }
  window.addEventListener("online", followNetwork);
  window.addEventListener("offline", followNetwork);

  // A double-click in the preview asks the editor to show the source of that block.
  document.addEventListener("dblclick", function (event) {
    const block = event.target.closest && event.target.closest("#sd-body > [data-line]");
    if (block) send("goto-line", lineOf(block));
  });

  // A post's HTML is inert until it is inserted: before that, take out what would reach
  // the network without a request either wall sees (<link rel=preconnect> opens a socket),
  // or change the page itself (<meta http-equiv>, <base>). Stylesheets stay.
  function disarm(root) {
    for (const node of Array.from(root.querySelectorAll("link, meta[http-equiv], base"))) {
      const rel = (node.getAttribute("rel") || "").toLowerCase().split(/\s+/);
      if (node.localName === "link" && rel.includes("stylesheet") && rel.every((r) => r === "stylesheet" || r === "alternate")) continue;
      node.remove();
    }
  }

  // Scripts parsed by innerHTML never run. When the writer turned this post's scripts on,
  // each is replaced by a fresh copy once it is in the page, which runs in the page's own
  // world (never in this one), under the page's policy.
  function postScripts(root) {
    return RUN_POST_SCRIPTS ? Array.from(root.querySelectorAll("script")) : [];
  }

  function revive(old) {
    const fresh = document.createElement("script");
    for (const attribute of Array.from(old.attributes)) fresh.setAttribute(attribute.name, attribute.value);
    fresh.textContent = old.textContent;
    old.replaceWith(fresh);
  }

  // A body rendered whole (see smugdesk/core/incremental.py) arrives as one piece: only
  // its top-level blocks that differ are replaced. data-line is absolute then, and a line
  // added above shifts every block below, which must not count as a change.
  function same(a, b) {
    if (a.nodeType !== b.nodeType) return false;
    if (a.nodeType !== Node.ELEMENT_NODE) return a.nodeValue === b.nodeValue;
    const line = a.getAttribute("data-line");
    if (line === b.getAttribute("data-line")) return a.outerHTML === b.outerHTML;
    const shifted = b.cloneNode(false);
    if (line === null) shifted.removeAttribute("data-line");
    else shifted.setAttribute("data-line", line);
    if (a.cloneNode(false).outerHTML !== shifted.outerHTML || a.innerHTML !== b.innerHTML) return false;
    if (b.hasAttribute("data-line")) a.setAttribute("data-line", b.getAttribute("data-line"));
    return true;
  }

  function patchWhole(html) {
    const container = body();
    if (markers.length) {
      container.textContent = "";
      markers = [];
    }
    const template = document.createElement("template");
    template.innerHTML = html;
    disarm(template.content);
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
    const scripts = [];
    for (let i = start; i <= endNext; i++) {
      if (next[i].nodeType === Node.ELEMENT_NODE) {
        if (next[i].localName === "script") scripts.push(...(RUN_POST_SCRIPTS ? [next[i]] : []));
        else scripts.push(...postScripts(next[i]));
      }
      container.insertBefore(next[i], before);
    }
    scripts.forEach(revive);
    return (endCurrent - start + 1) + (endNext - start + 1);
  }

  // Every update leaves garbage: the nodes it replaced, and Chromium's layout of a page
  // of thousands of blocks (~0.35 MB an edit at 100,000 words), which the page process
  // would only collect once it had grown by 150 MB. With gc exposed (the app's
  // --js-flags=--expose-gc) it is collected in an idle moment after a pause in typing,
  // or after GC_EVERY updates when there is no pause.
  // (Idle callbacks, not timers: with the post's scripts off the page runs no timers.)
  const GC_EVERY = 50;
  const GC_PAUSE_MS = 700;
  let sinceCollected = 0;
  let lastUpdate = 0;
  let waiting = false;

  function collectLater() {
    if (typeof gc !== "function") return;
    sinceCollected++;
    lastUpdate = performance.now();
    if (!waiting) {
      waiting = true;
      requestIdleCallback(collectWhenDue, { timeout: GC_PAUSE_MS });
    }
  }

  function collectWhenDue() {
    if (sinceCollected < GC_EVERY && performance.now() - lastUpdate < GC_PAUSE_MS) {
      requestIdleCallback(collectWhenDue, { timeout: GC_PAUSE_MS });
      return;
    }
    waiting = false;
    sinceCollected = 0;
    gc();
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

  // Only a real click by the writer follows a link, and only to the web or to another
  // draft. This listener is on the window, in the capture phase, added before any content
  // exists: it runs before anything a post adds, and a cancelled activation cannot be
  // revived. A script-made click (el.click(), dispatchEvent) is never trusted.
  function activation(event) {
    const link = event.target.closest && event.target.closest("a[href], area[href]");
    if (!link) return;
    if (!event.isTrusted) {
      event.preventDefault();
      return;
    }
    const href = link.getAttribute("href");
    if (/^post:/i.test(href)) {
      // A link to another draft cannot be navigated to; the window is told instead.
      event.preventDefault();
      if (event.type === "click") send("open-post", href.slice(5));
      return;
    }
    let target;
    try {
      target = new URL(link.href);
    } catch (error) {
      event.preventDefault();
      return;
    }
    const here = new URL(location.href);
    const samePage = target.origin === here.origin && target.pathname === here.pathname && target.search === here.search;
    if (samePage && target.hash) return;  // footnotes and the table of contents
    if (!["http:", "https:", "mailto:"].includes(target.protocol)) event.preventDefault();
  }
  window.addEventListener("click", activation, true);
  window.addEventListener("auxclick", activation, true);

  return {
    scrollToLine: scrollToLine,
    revealLine: revealLine,
    scrollToEnd: scrollToEnd,
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
      const place = data.anchor ? anchor() : null;
      const changed = "whole" in data
        ? patchWhole(data.whole)
        : replaceAll(data.edits, data.starts);
      keep(place);
      if (wantedLine !== null && !pendingAt(wantedLine)) scrollToLine(wantedLine);
      followNetwork();
      document.body.dataset.generation = String(data.generation);
      collectLater();
      return changed;
    },
  };
})();
